/// An Avro schema: the types IoT Hub's storage endpoint and similar writers need.
///
/// Named types are kept as trees (a name used twice is expanded), so a schema is a plain value
/// that can be compared and shared across actors. `enum` and `fixed` are not modelled: no
/// IoT Hub endpoint writes them, and a file that uses them is refused with a clear error.
public indirect enum AvroSchema: Sendable, Hashable {
    case null
    case boolean
    /// A 32-bit signed integer, zig-zag varint encoded.
    case int
    /// A 64-bit signed integer, zig-zag varint encoded.
    case long
    /// An IEEE 754 single, 4 bytes little-endian.
    case float
    /// An IEEE 754 double, 8 bytes little-endian.
    case double
    case bytes
    /// UTF-8 text.
    case string
    case record(AvroRecordSchema)
    /// A map with string keys; Avro map keys are always strings.
    case map(values: AvroSchema)
    case array(items: AvroSchema)
    /// One of several branches, written as the branch index and the value.
    case union([AvroSchema])
}

/// A named record type: its fields are written in declaration order with no separators.
public struct AvroRecordSchema: Sendable, Hashable {
    /// The simple name, such as `Message`.
    public var name: String
    /// The dotted namespace, such as `Microsoft.Azure.Devices`; `nil` for none.
    public var namespace: String?
    public var fields: [AvroField]

    public init(name: String, namespace: String? = nil, fields: [AvroField]) {
        self.name = name
        self.namespace = namespace
        self.fields = fields
    }

    /// The name readers resolve references by: `namespace.name`, or the name alone.
    public var fullName: String {
        guard let namespace, !namespace.isEmpty else { return name }
        return "\(namespace).\(name)"
    }
}

/// One field of a record.
public struct AvroField: Sendable, Hashable {
    public var name: String
    public var type: AvroSchema

    public init(name: String, type: AvroSchema) {
        self.name = name
        self.type = type
    }
}
