import JSONValue

extension JSONValue {
    /// The value with every object's members in code-point order, as Python's `sort_keys` orders
    /// them (`$metadata` before `deviceId`, upper case before lower case).
    func sortingKeys() -> JSONValue {
        switch self {
        case .object(let members):
            var sorted = JSONObject()
            for key in members.keys.sortedByCodePoint() {
                sorted[key] = members[key]?.sortingKeys()
            }
            return .object(sorted)
        case .array(let elements):
            return .array(elements.map { $0.sortingKeys() })
        default:
            return self
        }
    }

    /// The text of a scalar as Python's `str()` writes it, which is what az's table and tsv
    /// outputs show: `True`, `None`, `1.5`.
    var pythonText: String {
        switch self {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .integer(let number): String(number)
        case .double(let number): number.description
        case .string(let text): text
        case .array, .object: serialized()
        }
    }
}
