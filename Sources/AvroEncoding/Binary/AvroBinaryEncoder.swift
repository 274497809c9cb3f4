import JSONValue

/// Writes values in Avro's binary encoding, checking each against its schema.
struct AvroBinaryEncoder {
    private(set) var bytes: [UInt8] = []

    /// A long as a zig-zag varint: small magnitudes, positive or negative, take few bytes.
    mutating func writeLong(_ value: Int64) {
        var zigZag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigZag >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: zigZag) | 0x80)
            zigZag >>= 7
        }
        bytes.append(UInt8(zigZag))
    }

    /// Length-prefixed raw bytes, the form of `bytes`, `string` and metadata values.
    mutating func writeBytes(_ data: some Collection<UInt8>) {
        writeLong(Int64(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func writeRaw(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// Writes `value` as `schema`; throws, naming the path, when the value does not fit.
    ///
    /// Paths are built only on failure, as the error travels up, so that a valid record (the
    /// storage endpoint's every message) costs no string work.
    mutating func write(_ value: AvroValue, as schema: AvroSchema) throws(AvroError) {
        switch (schema, value) {
        case (.null, .null):
            return
        case (.boolean, .boolean(let flag)):
            bytes.append(flag ? 1 : 0)
        case (.int, .int(let number)):
            writeLong(Int64(number))
        case (.long, .long(let number)):
            writeLong(number)
        case (.float, .float(let number)):
            writeLittleEndian(UInt64(number.bitPattern), byteCount: 4)
        case (.double, .double(let number)):
            writeLittleEndian(number.bitPattern, byteCount: 8)
        case (.bytes, .bytes(let data)):
            writeBytes(data)
        case (.string, .string(let text)):
            writeBytes(text.utf8)
        case (.record(let record), .record(let fields)):
            try writeRecord(record, fields: fields)
        case (.map(let valueSchema), .map(let entries)):
            // One block holding every entry, then the empty block that ends the map.
            if !entries.isEmpty { writeLong(Int64(entries.count)) }
            for (key, entry) in entries {
                writeBytes(key.utf8)
                do { try write(entry, as: valueSchema) } catch { throw error.within("[\"\(key)\"]") }
            }
            writeLong(0)
        case (.array(let itemSchema), .array(let items)):
            if !items.isEmpty { writeLong(Int64(items.count)) }
            for (index, item) in items.enumerated() {
                do { try write(item, as: itemSchema) } catch { throw error.within("[\(index)]") }
            }
            writeLong(0)
        case (.union(let branches), _):
            try writeUnion(value, branches: branches)
        default:
            throw .valueMismatch(path: "", expected: schema.typeName, found: value.kindName)
        }
    }

    /// Forgets what was written after `count` bytes: a refused value leaves no partial bytes.
    mutating func truncate(to count: Int) {
        bytes.removeSubrange(count...)
    }

    private mutating func writeRecord(_ record: AvroRecordSchema, fields: OrderedDictionary<String, AvroValue>) throws(AvroError) {
        for field in record.fields {
            guard let fieldValue = fields[field.name] else {
                throw .valueMismatch(path: field.name, expected: field.type.typeName, found: "no value")
            }
            do { try write(fieldValue, as: field.type) } catch { throw error.within(field.name) }
        }
        // Every declared field was found, so more values than fields means an undeclared one.
        guard fields.count > record.fields.count else { return }
        let declared = Set(record.fields.map(\.name))
        if let (extra, extraValue) = fields.first(where: { !declared.contains($0.key) }) {
            throw .valueMismatch(path: extra, expected: "no field (\(record.fullName) does not declare it)", found: extraValue.kindName)
        }
    }

    /// The first branch the value fits wins; the branch index precedes the value.
    private mutating func writeUnion(_ value: AvroValue, branches: [AvroSchema]) throws(AvroError) {
        let start = bytes.count
        for (index, branch) in branches.enumerated() {
            writeLong(Int64(index))
            do {
                try write(value, as: branch)
                return
            } catch {
                truncate(to: start)
            }
        }
        throw .valueMismatch(path: "", expected: AvroSchema.union(branches).typeName, found: value.kindName)
    }

    private mutating func writeLittleEndian(_ bits: UInt64, byteCount: Int) {
        for shift in stride(from: 0, to: byteCount * 8, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }
}
