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
    mutating func write(_ value: AvroValue, as schema: AvroSchema, path: String) throws(AvroError) {
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
            try writeRecord(record, fields: fields, path: path)
        case (.map(let valueSchema), .map(let entries)):
            try writeBlocks(of: Array(entries.elements), path: path) { encoder, entry throws(AvroError) in
                encoder.writeBytes(entry.key.utf8)
                try encoder.write(entry.value, as: valueSchema, path: path + "[\"\(entry.key)\"]")
            }
        case (.array(let itemSchema), .array(let items)):
            try writeBlocks(of: Array(items.enumerated()), path: path) { encoder, item throws(AvroError) in
                try encoder.write(item.element, as: itemSchema, path: path + "[\(item.offset)]")
            }
        case (.union(let branches), _):
            try writeUnion(value, branches: branches, path: path)
        default:
            throw .valueMismatch(path: path, expected: schema.typeName, found: value.kindName)
        }
    }

    private mutating func writeRecord(
        _ record: AvroRecordSchema, fields: OrderedDictionary<String, AvroValue>, path: String
    ) throws(AvroError) {
        for field in record.fields {
            let fieldPath = AvroSchema.join(path, field.name)
            guard let fieldValue = fields[field.name] else {
                throw .valueMismatch(path: fieldPath, expected: field.type.typeName, found: "no value")
            }
            try write(fieldValue, as: field.type, path: fieldPath)
        }
        let declared = Set(record.fields.map(\.name))
        if let extra = fields.keys.first(where: { !declared.contains($0) }) {
            throw .valueMismatch(
                path: AvroSchema.join(path, extra), expected: "no field (\(record.fullName) does not declare it)",
                found: fields[extra]?.kindName ?? "no value")
        }
    }

    /// Maps and arrays are written as one block holding every element, then the empty block.
    private mutating func writeBlocks<Element>(
        of elements: [Element], path: String, writeElement: (inout AvroBinaryEncoder, Element) throws(AvroError) -> Void
    ) throws(AvroError) {
        if !elements.isEmpty {
            writeLong(Int64(elements.count))
            for element in elements {
                try writeElement(&self, element)
            }
        }
        writeLong(0)
    }

    /// The first branch the value fits wins; the branch index precedes the value.
    private mutating func writeUnion(_ value: AvroValue, branches: [AvroSchema], path: String) throws(AvroError) {
        for (index, branch) in branches.enumerated() {
            var attempt = AvroBinaryEncoder()
            attempt.writeLong(Int64(index))
            do {
                try attempt.write(value, as: branch, path: path)
            } catch {
                continue
            }
            bytes.append(contentsOf: attempt.bytes)
            return
        }
        throw .valueMismatch(path: path, expected: AvroSchema.union(branches).typeName, found: value.kindName)
    }

    private mutating func writeLittleEndian(_ bits: UInt64, byteCount: Int) {
        for shift in stride(from: 0, to: byteCount * 8, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }
}
