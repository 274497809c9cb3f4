import Testing
import AvroEncoding

@Suite struct BinaryEncodingTests {
    static let zigZagCases: [(Int64, [UInt8])] = [
        (0, [0x00]), (-1, [0x01]), (1, [0x02]), (-2, [0x03]), (2, [0x04]),
        (63, [0x7E]), (-64, [0x7F]), (64, [0x80, 0x01]), (8192, [0x80, 0x80, 0x01]),
        (Int64.max, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        (Int64.min, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test(arguments: zigZagCases)
    func longsAreZigZagVarints(value: Int64, expected: [UInt8]) throws {
        #expect(try AvroValue.long(value).encoded(as: .long) == expected)
        #expect(try AvroValue(decoding: expected, as: .long) == .long(value))
    }

    @Test func intsUseTheSameZigZagVarintAsLongs() throws {
        #expect(try AvroValue.int(-64).encoded(as: .int) == [0x7F])
        #expect(try AvroValue.int(Int32.min).encoded(as: .int) == [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(try AvroValue(decoding: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], as: .int) == .int(Int32.min))
    }

    @Test func stringsAreLengthPrefixedUTF8() throws {
        #expect(try AvroValue.string("foo").encoded(as: .string) == [0x06, 0x66, 0x6F, 0x6F])
        #expect(try AvroValue.string("é").encoded(as: .string) == [0x04, 0xC3, 0xA9])
        #expect(try AvroValue.bytes([]).encoded(as: .bytes) == [0x00])
    }

    @Test func fixedWidthTypesAreLittleEndian() throws {
        #expect(try AvroValue.float(1.0).encoded(as: .float) == [0x00, 0x00, 0x80, 0x3F])
        #expect(try AvroValue.double(-2.5).encoded(as: .double) == [0, 0, 0, 0, 0, 0, 0x04, 0xC0])
        #expect(try AvroValue.boolean(true).encoded(as: .boolean) == [0x01])
        #expect(try AvroValue.null.encoded(as: .null) == [])
    }

    @Test func mapsAndArraysAreOneBlockThenAnEmptyBlock() throws {
        #expect(try AvroValue.map(["a": .string("b")]).encoded(as: .map(values: .string)) == [0x02, 0x02, 0x61, 0x02, 0x62, 0x00])
        #expect(try AvroValue.map([:]).encoded(as: .map(values: .string)) == [0x00])
        // The specification's own example: the array [3, 27] of longs.
        #expect(try AvroValue.array([.long(3), .long(27)]).encoded(as: .array(items: .long)) == [0x04, 0x06, 0x36, 0x00])
    }

    @Test func unionsWriteTheFirstBranchTheValueFits() throws {
        let schema = AvroSchema.union([.null, .string])
        #expect(try AvroValue.null.encoded(as: schema) == [0x00])
        #expect(try AvroValue.string("a").encoded(as: schema) == [0x02, 0x02, 0x61])
        #expect(try AvroValue(decoding: [0x02, 0x02, 0x61], as: schema) == .string("a"))
    }

    @Test func recordsAreTheirFieldsInSchemaOrder() throws {
        let schema = AvroSchema.record(AvroRecordSchema(name: "test", fields: [
            AvroField(name: "a", type: .long), AvroField(name: "b", type: .string),
        ]))
        // Field order comes from the schema, not from the value.
        let value = AvroValue.record(["b": .string("foo"), "a": .long(27)])
        #expect(try value.encoded(as: schema) == [0x36, 0x06, 0x66, 0x6F, 0x6F])
        #expect(try AvroValue(decoding: [0x36, 0x06, 0x66, 0x6F, 0x6F], as: schema) == .record(["a": .long(27), "b": .string("foo")]))
    }

    @Test func everyTypeRoundTrips() throws {
        let schema = AvroSchema.record(AvroRecordSchema(name: "All", namespace: "lab", fields: [
            AvroField(name: "n", type: .null), AvroField(name: "flag", type: .boolean),
            AvroField(name: "i", type: .int), AvroField(name: "l", type: .long),
            AvroField(name: "f", type: .float), AvroField(name: "d", type: .double),
            AvroField(name: "raw", type: .bytes), AvroField(name: "text", type: .string),
            AvroField(name: "tags", type: .map(values: .union([.long, .string]))),
            AvroField(name: "list", type: .array(items: .array(items: .int))),
        ]))
        let value = AvroValue.record([
            "n": .null, "flag": .boolean(false), "i": .int(-123_456), "l": .long(9_007_199_254_740_993),
            "f": .float(3.5), "d": .double(-0.1), "raw": .bytes([0, 255, 7]), "text": .string("température 🌡"),
            "tags": .map(["z": .long(1), "a": .string("x")]), "list": .array([.array([.int(1), .int(2)]), .array([])]),
        ])
        #expect(try AvroValue(decoding: value.encoded(as: schema), as: schema) == value)
    }
}

@Suite struct BinaryValidationTests {
    static let reading = AvroSchema.record(AvroRecordSchema(name: "Reading", fields: [
        AvroField(name: "deviceId", type: .string),
        AvroField(name: "values", type: .map(values: .double)),
    ]))

    @Test func aMissingFieldIsNamed() {
        #expect(throws: AvroError.valueMismatch(path: "values", expected: "map<double>", found: "no value")) {
            try AvroValue.record(["deviceId": .string("d1")]).encoded(as: Self.reading)
        }
    }

    @Test func anUndeclaredFieldIsRefused() {
        #expect(throws: AvroError.valueMismatch(path: "extra", expected: "no field (Reading does not declare it)", found: "long")) {
            try AvroValue.record(["deviceId": .string("d1"), "values": .map([:]), "extra": .long(1)]).encoded(as: Self.reading)
        }
    }

    @Test func aWrongTypeInsideAMapNamesTheKey() {
        #expect(throws: AvroError.valueMismatch(path: "values[\"t\"]", expected: "double", found: "string")) {
            try AvroValue.record(["deviceId": .string("d1"), "values": .map(["t": .string("hot")])]).encoded(as: Self.reading)
        }
    }

    @Test func aValueNoUnionBranchFitsIsRefused() {
        #expect(throws: AvroError.valueMismatch(path: "", expected: "union [null, bytes]", found: "string")) {
            try AvroValue.string("x").encoded(as: .union([.null, .bytes]))
        }
    }

    @Test func theMessageReadsLikeAzure() {
        let error = AvroError.valueMismatch(path: "Body", expected: "union [null, bytes]", found: "string")
        #expect(error.description == "AvroValueInvalid: Body: expected union [null, bytes], found string")
    }
}

@Suite struct BinaryDecodingErrorTests {
    @Test func aVarintOver64BitsIsRefused() {
        #expect(throws: AvroError.malformedData(offset: 0, reason: "varint overflows 64 bits")) {
            try AvroValue(decoding: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], as: .long)
        }
    }

    @Test func anIntOutside32BitsIsRefused() {
        #expect(throws: AvroError.malformedData(offset: 0, reason: "int 2147483648 out of 32-bit range")) {
            try AvroValue(decoding: [0x80, 0x80, 0x80, 0x80, 0x10], as: .int)
        }
    }

    @Test func aBooleanByteOtherThanZeroOrOneIsRefused() {
        #expect(throws: AvroError.malformedData(offset: 0, reason: "boolean byte must be 0 or 1, found 2")) {
            try AvroValue(decoding: [0x02], as: .boolean)
        }
    }

    @Test func aLengthBeyondTheDataIsRefusedAtItsOffset() {
        #expect(throws: AvroError.malformedData(offset: 1, reason: "length 50 exceeds the 1 bytes that remain")) {
            try AvroValue(decoding: [0x02, 0x64, 0x61], as: .array(items: .string))
        }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: AvroError.malformedData(offset: 0, reason: "string is not valid UTF-8")) {
            try AvroValue(decoding: [0x02, 0xFF], as: .string)
        }
    }

    @Test func aUnionBranchOutOfRangeIsRefused() {
        #expect(throws: AvroError.malformedData(offset: 0, reason: "union branch 2 out of range 0..<2")) {
            try AvroValue(decoding: [0x04], as: .union([.null, .bytes]))
        }
    }

    @Test func trailingBytesAreRefused() {
        #expect(throws: AvroError.malformedData(offset: 1, reason: "1 bytes follow the value")) {
            try AvroValue(decoding: [0x02, 0x00], as: .long)
        }
    }

    @Test func aBlockCountLargerThanTheDataIsRefused() {
        #expect(throws: AvroError.malformedData(offset: 0, reason: "block of 1000 items is more than the 0 remaining bytes can hold")) {
            try AvroValue(decoding: [0xD0, 0x0F], as: .array(items: .long))
        }
    }

    @Test func negativeBlockCountsCarryAByteSize() throws {
        // -2 items, 2 bytes, then longs 3 and 27, then the end block: the form writers use to let readers skip.
        #expect(try AvroValue(decoding: [0x03, 0x04, 0x06, 0x36, 0x00], as: .array(items: .long)) == .array([.long(3), .long(27)]))
    }
}
