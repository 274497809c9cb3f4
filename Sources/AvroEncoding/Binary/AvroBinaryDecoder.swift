import JSONValue

/// Reads Avro's binary encoding from a byte array, refusing anything malformed with its offset.
///
/// Lengths and counts are checked against the bytes that remain before anything is allocated, so
/// a damaged or hostile file fails cleanly instead of exhausting memory.
struct AvroBinaryDecoder {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    /// The most items a block of zero-byte values (nulls) may claim: nothing bounds them otherwise.
    static let zeroByteItemLimit: Int64 = 1 << 20

    init(bytes: [UInt8], offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { offset >= end }
    var remaining: Int { end - offset }

    func failure(_ reason: String, at position: Int? = nil) -> AvroError {
        .malformedData(offset: position ?? offset, reason: reason)
    }

    mutating func readByte() throws(AvroError) -> UInt8 {
        guard offset < end else { throw failure("unexpected end of data") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readRaw(count: Int) throws(AvroError) -> [UInt8] {
        let start = offset
        try skip(count: count)
        return Array(bytes[start..<offset])
    }

    /// Moves past `count` bytes without copying them.
    mutating func skip(count: Int) throws(AvroError) {
        guard count <= remaining else { throw failure("\(count) bytes expected, \(remaining) remain") }
        offset += count
    }

    /// A zig-zag varint of at most 10 bytes whose value fits 64 bits.
    mutating func readLong() throws(AvroError) -> Int64 {
        let start = offset
        var accumulated: UInt64 = 0
        for index in 0..<10 {
            let byte = try readByte()
            let payload = UInt64(byte & 0x7F)
            if index == 9 && payload > 1 { throw failure("varint overflows 64 bits", at: start) }
            accumulated |= payload << UInt64(7 * index)
            if byte & 0x80 == 0 {
                return Int64(bitPattern: accumulated >> 1) ^ -Int64(bitPattern: accumulated & 1)
            }
        }
        throw failure("varint longer than 10 bytes", at: start)
    }

    /// A long that must fit 32 bits, as `int` values and Avro's rules require.
    mutating func readInt() throws(AvroError) -> Int32 {
        let start = offset
        let value = try readLong()
        guard let narrow = Int32(exactly: value) else { throw failure("int \(value) out of 32-bit range", at: start) }
        return narrow
    }

    /// A non-negative length that fits in what remains.
    mutating func readLength() throws(AvroError) -> Int {
        let start = offset
        let length = try readLong()
        guard length >= 0 else { throw failure("negative length \(length)", at: start) }
        guard length <= Int64(remaining) else {
            throw failure("length \(length) exceeds the \(remaining) bytes that remain", at: start)
        }
        return Int(length)
    }

    mutating func readBytes() throws(AvroError) -> [UInt8] {
        try readRaw(count: try readLength())
    }

    mutating func readString() throws(AvroError) -> String {
        let start = offset
        let raw = try readBytes()
        guard let text = String(validating: raw, as: UTF8.self) else { throw failure("string is not valid UTF-8", at: start) }
        return text
    }

    /// Reads a value of `schema`; a union yields its branch's value.
    mutating func read(_ schema: AvroSchema) throws(AvroError) -> AvroValue {
        switch schema {
        case .null:
            return .null
        case .boolean:
            let start = offset
            switch try readByte() {
            case 0: return .boolean(false)
            case 1: return .boolean(true)
            case let other: throw failure("boolean byte must be 0 or 1, found \(other)", at: start)
            }
        case .int:
            return .int(try readInt())
        case .long:
            return .long(try readLong())
        case .float:
            return .float(Float(bitPattern: UInt32(truncatingIfNeeded: try readLittleEndian(byteCount: 4))))
        case .double:
            return .double(Double(bitPattern: try readLittleEndian(byteCount: 8)))
        case .bytes:
            return .bytes(try readBytes())
        case .string:
            return .string(try readString())
        case .record(let record):
            var fields: OrderedDictionary<String, AvroValue> = [:]
            for field in record.fields {
                fields[field.name] = try read(field.type)
            }
            return .record(fields)
        case .map(let valueSchema):
            var entries: OrderedDictionary<String, AvroValue> = [:]
            try readBlocks(itemsTakeBytes: true) { decoder throws(AvroError) in
                let key = try decoder.readString()
                entries[key] = try decoder.read(valueSchema)
            }
            return .map(entries)
        case .array(let itemSchema):
            var items: [AvroValue] = []
            try readBlocks(itemsTakeBytes: itemSchema.encodesToBytes) { decoder throws(AvroError) in
                items.append(try decoder.read(itemSchema))
            }
            return .array(items)
        case .union(let branches):
            let start = offset
            let index = try readLong()
            guard index >= 0, index < Int64(branches.count) else {
                throw failure("union branch \(index) out of range 0..<\(branches.count)", at: start)
            }
            return try read(branches[Int(index)])
        }
    }

    /// Blocks of items ending with a zero count; a negative count is followed by the block's
    /// byte size, which the specification lets writers add so readers can skip.
    private mutating func readBlocks(
        itemsTakeBytes: Bool, readItem: (inout AvroBinaryDecoder) throws(AvroError) -> Void
    ) throws(AvroError) {
        while true {
            let start = offset
            var count = try readLong()
            if count == 0 { return }
            if count < 0 {
                guard count != Int64.min else { throw failure("block count out of range", at: start) }
                count = -count
                _ = try readLength()
            }
            let limit = itemsTakeBytes ? Int64(remaining) : Self.zeroByteItemLimit
            guard count <= limit else {
                throw failure("block of \(count) items is more than the \(remaining) remaining bytes can hold", at: start)
            }
            for _ in 0..<count {
                try readItem(&self)
            }
        }
    }

    private mutating func readLittleEndian(byteCount: Int) throws(AvroError) -> UInt64 {
        let raw = try readRaw(count: byteCount)
        return raw.enumerated().reduce(0) { bits, byte in bits | UInt64(byte.element) << UInt64(8 * byte.offset) }
    }
}

extension AvroSchema {
    /// Whether every value of the schema takes at least one byte; arrays of types that take none
    /// (`null`, empty records) cannot have their counts checked against the remaining bytes.
    fileprivate var encodesToBytes: Bool {
        switch self {
        case .null: false
        case .record(let record): record.fields.contains { $0.type.encodesToBytes }
        default: true
        }
    }
}
