extension JSONValue {
    /// The size Azure IoT Hub counts against a twin section's limit.
    ///
    /// Azure counts the UTF-8 bytes of every member name and string value, 8 bytes for a number
    /// and 4 for a boolean, and leaves out read-only members whose names start with `$`
    /// (`$metadata`, `$version`, `$etag`).
    public var twinSize: Int {
        switch self {
        case .null: 0
        case .bool: 4
        case .integer, .double: 8
        case .string(let text): text.utf8.count
        case .array(let elements): elements.reduce(0) { $0 + $1.twinSize }
        case .object(let members):
            members.reduce(0) { total, member in
                member.key.hasPrefix("$") ? total : total + member.key.utf8.count + member.value.twinSize
            }
        }
    }

    /// How many levels of objects nest here: a scalar is 0, `{"a": 1}` is 1, `{"a": {"b": 1}}` is 2.
    ///
    /// Arrays do not add a level of their own; objects inside them do.
    public var objectDepth: Int {
        switch self {
        case .object(let members): 1 + (members.values.map(\.objectDepth).max() ?? 0)
        case .array(let elements): elements.map(\.objectDepth).max() ?? 0
        default: 0
        }
    }
}
