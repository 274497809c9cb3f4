import JSONValue

extension JSONValue {
    /// JMESPath's truth: `null`, `false`, `""`, `[]` and `{}` are false; everything else is true.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .string(let text): !text.isEmpty
        case .array(let elements): !elements.isEmpty
        case .object(let members): !members.isEmpty
        case .integer, .double: true
        }
    }
}
