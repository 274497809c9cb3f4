import JSONValue

/// Reads an Avro object container file: checks the magic, reads the schema from the header, and
/// decodes every block, checking each block's byte size and sync marker.
///
/// It is the in-process counterpart of the standard readers a learner would point at a storage
/// endpoint's blob (fastavro, avro-tools), used by `iotlab` to show what an endpoint wrote.
/// Only the `null` codec is decoded.
public struct AvroContainerReader: Sendable {
    /// The writer's schema from `avro.schema`.
    public let schema: AvroSchema
    /// All header metadata, including `avro.schema` and `avro.codec`.
    public let metadata: OrderedDictionary<String, [UInt8]>
    public let syncMarker: [UInt8]
    /// Every record of every block, in file order.
    public let records: [AvroValue]

    /// Reads a whole file.
    /// - Throws: `malformedData` with the byte offset for a damaged file, `invalidSchema` for a bad
    ///   `avro.schema`, `unsupportedCodec` for a compressed file.
    public init(bytes: [UInt8]) throws(AvroError) {
        var decoder = AvroBinaryDecoder(bytes: bytes)
        guard bytes.starts(with: AvroContainerFormat.magic) else {
            throw decoder.failure("not an Avro object container file (magic 'Obj' 0x01 missing)")
        }
        try decoder.skip(count: AvroContainerFormat.magic.count)
        var metadata: OrderedDictionary<String, [UInt8]> = [:]
        if case .map(let entries) = try decoder.read(AvroContainerFormat.metadataSchema) {
            for case (let key, .bytes(let value)) in entries { metadata[key] = value }
        }
        let codec = metadata[AvroContainerFormat.codecKey].map { String(decoding: $0, as: UTF8.self) }
        if let codec, codec != AvroContainerFormat.nullCodec { throw .unsupportedCodec(codec) }
        guard let schemaBytes = metadata[AvroContainerFormat.schemaKey] else {
            throw decoder.failure("the header has no '\(AvroContainerFormat.schemaKey)'")
        }
        let schema = try AvroSchema(parsing: String(decoding: schemaBytes, as: UTF8.self))
        let syncMarker = try decoder.readRaw(count: AvroContainerFormat.syncMarkerSize)

        var records: [AvroValue] = []
        while !decoder.isAtEnd {
            records.append(contentsOf: try Self.readBlock(&decoder, bytes: bytes, schema: schema, syncMarker: syncMarker))
        }
        self.schema = schema
        self.metadata = metadata
        self.syncMarker = syncMarker
        self.records = records
    }

    private static func readBlock(
        _ decoder: inout AvroBinaryDecoder, bytes: [UInt8], schema: AvroSchema, syncMarker: [UInt8]
    ) throws(AvroError) -> [AvroValue] {
        let countOffset = decoder.offset
        let count = try decoder.readLong()
        guard count >= 0 else { throw decoder.failure("negative block count \(count)", at: countOffset) }
        let byteSize = try decoder.readLength()
        guard count <= Int64(byteSize) || count <= AvroBinaryDecoder.zeroByteItemLimit else {
            throw decoder.failure("block of \(count) records cannot fit in \(byteSize) bytes", at: countOffset)
        }
        let blockStart = decoder.offset
        var blockDecoder = AvroBinaryDecoder(bytes: bytes, offset: blockStart, end: blockStart + byteSize)
        var records: [AvroValue] = []
        for _ in 0..<count {
            records.append(try blockDecoder.read(schema))
        }
        guard blockDecoder.isAtEnd else {
            throw blockDecoder.failure("block declares \(byteSize) bytes but its \(count) records end early")
        }
        try decoder.skip(count: byteSize)
        let markerOffset = decoder.offset
        guard try decoder.readRaw(count: AvroContainerFormat.syncMarkerSize) == syncMarker else {
            throw decoder.failure("sync marker after the block does not match the header's", at: markerOffset)
        }
        return records
    }
}
