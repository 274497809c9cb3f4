extension AvroSchema {
    /// The schema as error messages spell it: `string`, `map<string>`, `union [null, bytes]`,
    /// `record Microsoft.Azure.Devices.Message`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .bytes: "bytes"
        case .string: "string"
        case .record(let record): "record \(record.fullName)"
        case .map(let values): "map<\(values.typeName)>"
        case .array(let items): "array<\(items.typeName)>"
        case .union(let branches): "union [\(branches.map(\.typeName).joined(separator: ", "))]"
        }
    }

    /// The primitive types, whose names Avro forbids as names of user types.
    static let primitives: [AvroSchema] = [.null, .boolean, .int, .long, .float, .double, .bytes, .string]
    static let primitiveNames = Set(primitives.map(\.typeName))

    /// The schema of a primitive type name, `nil` for any other name.
    static func primitive(named name: String) -> AvroSchema? {
        primitives.first { $0.typeName == name }
    }
}
