import Testing
import AvroEncoding

@Suite struct ContainerFileTests {
    static let sync: [UInt8] = Array(0x10...0x1F)
    static let schema = AvroSchema.record(AvroRecordSchema(name: "R", fields: [AvroField(name: "v", type: .long)]))

    static func record(_ value: Int64) -> AvroValue { .record(["v": .long(value)]) }

    @Test func theHeaderIsMagicMetadataThenTheSyncMarker() throws {
        let writer = try AvroContainerWriter(schema: .string, syncMarker: Self.sync)
        var expected: [UInt8] = [0x4F, 0x62, 0x6A, 0x01, 0x04]
        expected += [0x14] + Array("avro.codec".utf8) + [0x08] + Array("null".utf8)
        expected += [0x16] + Array("avro.schema".utf8) + [0x10] + Array(#""string""#.utf8)
        expected += [0x00] + Self.sync
        #expect(writer.fileBytes() == expected)
        #expect(writer.byteCount == expected.count)
    }

    @Test func aBlockIsCountSizeRecordsAndSyncMarker() throws {
        var writer = try AvroContainerWriter(schema: .string, syncMarker: Self.sync)
        let header = writer.fileBytes()
        try writer.append(.string("a"))
        try writer.append(.string("bc"))
        #expect(Array(writer.fileBytes().dropFirst(header.count)) == [0x04, 0x0A, 0x02, 0x61, 0x04, 0x62, 0x63] + Self.sync)
    }

    @Test func recordsAreSplitIntoBlocksOfTheGivenSize() throws {
        var writer = try AvroContainerWriter(schema: Self.schema, syncMarker: Self.sync, recordsPerBlock: 2)
        let header = writer.fileBytes().count
        for value in 1...5 { try writer.append(Self.record(Int64(value))) }
        let bytes = writer.fileBytes()
        // Two full blocks of two records and a last block of one: each full block is
        // count, size, two one-byte longs, sync marker.
        #expect(Array(bytes[header..<header + 4]) == [0x04, 0x04, 0x02, 0x04])
        #expect(Array(bytes[(header + 20)..<(header + 24)]) == [0x04, 0x04, 0x06, 0x08])
        #expect(Array(bytes[(header + 40)...]) == [0x02, 0x02, 0x0A] + Self.sync)
        #expect(writer.byteCount == bytes.count)
        #expect(writer.recordCount == 5)
        let reader = try AvroContainerReader(bytes: bytes)
        #expect(reader.records == (1...5).map { Self.record(Int64($0)) })
        #expect(reader.schema == Self.schema)
        #expect(reader.syncMarker == Self.sync)
    }

    @Test func theHeaderListsCodecThenSchemaAsIoTHubDoes() throws {
        let reader = try AvroContainerReader(bytes: AvroContainerWriter(schema: IoTHubAvro.messageSchema).fileBytes())
        #expect(Array(reader.metadata.keys) == ["avro.codec", "avro.schema"])
        #expect(reader.metadata["avro.schema"] == Array(IoTHubAvro.messageSchema.jsonText.utf8))
    }

    @Test func anEmptyFileReadsAsNoRecords() throws {
        let writer = try AvroContainerWriter(schema: Self.schema)
        let reader = try AvroContainerReader(bytes: writer.fileBytes())
        #expect(reader.records.isEmpty)
        #expect(reader.metadata["avro.codec"] == Array("null".utf8))
        #expect(writer.syncMarker.count == 16)
    }

    @Test func aRefusedRecordLeavesTheFileUnchanged() throws {
        var writer = try AvroContainerWriter(schema: Self.schema, syncMarker: Self.sync)
        try writer.append(Self.record(1))
        let before = writer.fileBytes()
        #expect(throws: AvroError.valueMismatch(path: "v", expected: "long", found: "string")) {
            try writer.append(.record(["v": .string("one")]))
        }
        #expect(writer.fileBytes() == before)
        #expect(writer.recordCount == 1)
    }

    @Test func aSyncMarkerMustBe16Bytes() {
        #expect(throws: AvroError.invalidSyncMarker(byteCount: 3)) {
            try AvroContainerWriter(schema: .string, syncMarker: [1, 2, 3])
        }
    }

    @Test func anInvalidSchemaIsRefusedByTheWriter() {
        #expect(throws: AvroError.invalidSchema(path: "", reason: "a union needs at least one branch")) {
            try AvroContainerWriter(schema: .union([]))
        }
    }

    @Test func bytesWithoutTheMagicAreRefused() {
        #expect(throws: AvroError.malformedData(offset: 0, reason: "not an Avro object container file (magic 'Obj' 0x01 missing)")) {
            try AvroContainerReader(bytes: Array(#"{"v":1}"#.utf8))
        }
    }

    @Test func aWrongSyncMarkerAfterABlockIsRefusedAtItsOffset() throws {
        var writer = try AvroContainerWriter(schema: Self.schema, syncMarker: Self.sync)
        try writer.append(Self.record(1))
        var bytes = writer.fileBytes()
        bytes[bytes.count - 1] ^= 0xFF
        #expect(throws: AvroError.malformedData(offset: bytes.count - 16, reason: "sync marker after the block does not match the header's")) {
            try AvroContainerReader(bytes: bytes)
        }
    }

    @Test func aTruncatedFileIsRefused() throws {
        var writer = try AvroContainerWriter(schema: Self.schema, syncMarker: Self.sync)
        try writer.append(Self.record(1))
        let bytes = Array(writer.fileBytes().dropLast(5))
        #expect(throws: AvroError.malformedData(offset: bytes.count - 11, reason: "16 bytes expected, 11 remain")) {
            try AvroContainerReader(bytes: bytes)
        }
    }

    @Test func aBlockWhoseSizeDisagreesWithItsRecordsIsRefused() throws {
        var writer = try AvroContainerWriter(schema: Self.schema, syncMarker: Self.sync)
        let header = writer.fileBytes().count
        try writer.append(Self.record(1))
        var bytes = writer.fileBytes()
        bytes.insert(0x00, at: header + 3)  // one stray byte inside the block...
        bytes[header + 1] = 0x04  // ...that the block's size counts
        #expect(throws: AvroError.malformedData(offset: header + 3, reason: "block declares 2 bytes but its 1 records end early")) {
            try AvroContainerReader(bytes: bytes)
        }
    }

    @Test func aCompressedFileIsRefusedNamingTheCodec() throws {
        var bytes: [UInt8] = [0x4F, 0x62, 0x6A, 0x01, 0x02, 0x14] + Array("avro.codec".utf8) + [0x0E] + Array("deflate".utf8)
        bytes += [0x00] + Self.sync
        #expect(throws: AvroError.unsupportedCodec("deflate")) { try AvroContainerReader(bytes: bytes) }
        #expect(AvroError.unsupportedCodec("deflate").description == "AvroCodecUnsupported: codec 'deflate' is not supported; supported: null")
    }

    @Test func aHeaderWithoutSchemaIsRefused() {
        let bytes: [UInt8] = [0x4F, 0x62, 0x6A, 0x01, 0x00] + Self.sync
        #expect(throws: AvroError.malformedData(offset: 5, reason: "the header has no 'avro.schema'")) {
            try AvroContainerReader(bytes: bytes)
        }
    }
}

@Suite struct ContainerAppendTests {
    @Test func blocksWrittenWithTheSameSyncMarkerAppendToAnExistingFile() throws {
        let schema = ContainerFileTests.schema
        var first = try AvroContainerWriter(schema: schema)
        try first.append(ContainerFileTests.record(1))
        let existing = first.fileBytes()

        let marker = try AvroContainerReader(bytes: existing).syncMarker
        var next = try AvroContainerWriter(schema: schema, syncMarker: marker)
        try next.append(ContainerFileTests.record(2))
        try next.append(ContainerFileTests.record(3))
        #expect(next.fileBytes().count == next.byteCount)

        let reader = try AvroContainerReader(bytes: existing + next.blockBytes())
        #expect(reader.records == [1, 2, 3].map(ContainerFileTests.record))
    }
}
