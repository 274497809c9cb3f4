import JSONValue

/// The JMESPath built-in functions the console supports, with their type rules.
enum JMESPathFunction: String, CaseIterable, Equatable, Sendable {
    case contains
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case length

    var arity: Int { self == .length ? 1 : 2 }

    /// Applies the function; a wrong argument type fails as jmespath does, naming the function,
    /// the value and the accepted types.
    func apply(_ arguments: [JSONValue]) throws(JMESPathError) -> JSONValue {
        switch self {
        case .contains:
            switch arguments[0] {
            case .array(let elements):
                return .bool(elements.contains { JMESPathComparator.equal.holds(between: $0, and: arguments[1]) })
            case .string(let text):
                let search = try string(arguments[1], argument: "search")
                return .bool(search.isEmpty || text.contains(search))
            default:
                throw typeError(arguments[0], argument: "subject", expected: ["array", "string"])
            }
        case .startsWith:
            return .bool(try string(arguments[0], argument: "subject").hasPrefix(try string(arguments[1], argument: "prefix")))
        case .endsWith:
            return .bool(try string(arguments[0], argument: "subject").hasSuffix(try string(arguments[1], argument: "suffix")))
        case .length:
            switch arguments[0] {
            case .string(let text): return .integer(text.count)
            case .array(let elements): return .integer(elements.count)
            case .object(let members): return .integer(members.count)
            default: throw typeError(arguments[0], argument: "subject", expected: ["string", "array", "object"])
            }
        }
    }

    private func string(_ value: JSONValue, argument: String) throws(JMESPathError) -> String {
        guard let text = value.stringValue else { throw typeError(value, argument: argument, expected: ["string"]) }
        return text
    }

    private func typeError(_ value: JSONValue, argument: String, expected: [String]) -> JMESPathError {
        let accepted = expected.map { "'\($0)'" }.joined(separator: ", ")
        return .evaluation(
            "In function \(rawValue)(), invalid type for \(argument): \(value.serialized()), "
                + "expected one of: [\(accepted)], received: \"\(value.typeName)\"")
    }
}
