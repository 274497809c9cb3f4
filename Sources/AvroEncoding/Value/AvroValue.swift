import JSONValue

/// A value to write in, or read from, Avro binary form.
///
/// A value carries no union branch: the writer picks the first branch of a union that the value
/// fits, as Avro's reference implementations do, and the reader returns the branch's value.
/// Records and maps keep their order so that a file lists properties as the message carried them.
public enum AvroValue: Sendable, Hashable {
    case null
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case bytes([UInt8])
    case string(String)
    /// A record's fields by name; every field of the schema must be present, and no other.
    case record(OrderedDictionary<String, AvroValue>)
    case map(OrderedDictionary<String, AvroValue>)
    case array([AvroValue])
}

extension AvroValue {
    /// The value's kind as error messages spell it.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .bytes: "bytes"
        case .string: "string"
        case .record: "record"
        case .map: "map"
        case .array: "array"
        }
    }

    /// A field of a record or an entry of a map; `nil` otherwise.
    public subscript(member: String) -> AvroValue? {
        switch self {
        case .record(let fields), .map(let fields): fields[member]
        default: nil
        }
    }
}
