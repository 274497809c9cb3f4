import JSONValue

/// The JMESPath built-in functions the console supports, with their type rules. Functions that
/// take expression references (`sort_by`, `max_by`, `min_by`, `map`) are not supported.
enum JMESPathFunction: String, CaseIterable, Equatable, Sendable {
    case abs, avg, contains, join, keys, length, max, min, reverse, sort, sum, type, values
    case endsWith = "ends_with"
    case startsWith = "starts_with"
    case toNumber = "to_number"
    case toString = "to_string"

    var arity: Int {
        switch self {
        case .contains, .endsWith, .startsWith, .join: 2
        default: 1
        }
    }

    /// Applies the function; a wrong argument type fails as jmespath does, naming the function,
    /// the value and the accepted types.
    func apply(_ arguments: [JSONValue]) throws(JMESPathError) -> JSONValue {
        let subject = arguments[0]
        switch self {
        case .contains:
            switch subject {
            case .array(let elements):
                return .bool(elements.contains { JMESPathComparator.equal.holds(between: $0, and: arguments[1]) })
            case .string(let text):
                let search = try string(arguments[1], argument: "search")
                return .bool(search.isEmpty || text.contains(search))
            default:
                throw typeError(subject, argument: "subject", expected: ["array", "string"])
            }
        case .startsWith:
            return .bool(try string(subject, argument: "subject").hasPrefix(try string(arguments[1], argument: "prefix")))
        case .endsWith:
            return .bool(try string(subject, argument: "subject").hasSuffix(try string(arguments[1], argument: "suffix")))
        case .length:
            switch subject {
            case .string(let text): return .integer(text.count)
            case .array(let elements): return .integer(elements.count)
            case .object(let members): return .integer(members.count)
            default: throw typeError(subject, argument: "subject", expected: ["string", "array", "object"])
            }
        case .join:
            let glue = try string(subject, argument: "glue")
            let parts = try array(arguments[1], argument: "stringsarray")
            var texts: [String] = []
            for part in parts { texts.append(try string(part, argument: "stringsarray")) }
            return .string(texts.joined(separator: glue))
        case .keys:
            return .array(try object(subject).keys.map(JSONValue.string))
        case .values:
            return .array(Array(try object(subject).values))
        case .type:
            return .string(subject.typeName)
        case .toString:
            if case .string = subject { return subject }
            return .string(subject.serialized())
        case .toNumber:
            switch subject {
            case .integer, .double: return subject
            case .string(let text): return (try? JSONValue(parsing: text)).flatMap { $0.doubleValue == nil ? nil : $0 } ?? .null
            default: return .null
            }
        case .abs:
            switch subject {
            case .integer(let number): return .integer(Swift.abs(number))
            case .double(let number): return .double(Swift.abs(number))
            default: throw typeError(subject, argument: "subject", expected: ["number"])
            }
        case .reverse:
            switch subject {
            case .string(let text): return .string(String(text.reversed()))
            case .array(let elements): return .array(elements.reversed())
            default: throw typeError(subject, argument: "subject", expected: ["string", "array"])
            }
        case .sort:
            return .array(try comparable(subject).sorted { ordered($0, $1) })
        case .max:
            return try comparable(subject).max { ordered($0, $1) } ?? .null
        case .min:
            return try comparable(subject).min { ordered($0, $1) } ?? .null
        case .sum:
            let numbers = try numeric(subject)
            if numbers.allSatisfy({ if case .integer = $0 { true } else { false } }) {
                return .integer(numbers.reduce(0) { $0 + ($1.integerValue ?? 0) })
            }
            return .double(numbers.reduce(0) { $0 + ($1.doubleValue ?? 0) })
        case .avg:
            let numbers = try numeric(subject)
            guard !numbers.isEmpty else { return .null }
            return .double(numbers.reduce(0) { $0 + ($1.doubleValue ?? 0) } / Double(numbers.count))
        }
    }

    private func string(_ value: JSONValue, argument: String) throws(JMESPathError) -> String {
        guard let text = value.stringValue else { throw typeError(value, argument: argument, expected: ["string"]) }
        return text
    }

    private func array(_ value: JSONValue, argument: String) throws(JMESPathError) -> [JSONValue] {
        guard let elements = value.arrayValue else { throw typeError(value, argument: argument, expected: ["array"]) }
        return elements
    }

    private func object(_ value: JSONValue) throws(JMESPathError) -> JSONObject {
        guard let members = value.objectValue else { throw typeError(value, argument: "obj", expected: ["object"]) }
        return members
    }

    /// An array of numbers only.
    private func numeric(_ value: JSONValue) throws(JMESPathError) -> [JSONValue] {
        let elements = try array(value, argument: "subject")
        guard elements.allSatisfy({ $0.doubleValue != nil }) else {
            throw typeError(value, argument: "subject", expected: ["array-number"])
        }
        return elements
    }

    /// An array of numbers only or of strings only, the arrays jmespath can order.
    private func comparable(_ value: JSONValue) throws(JMESPathError) -> [JSONValue] {
        let elements = try array(value, argument: "subject")
        let allNumbers = elements.allSatisfy { $0.doubleValue != nil }
        let allStrings = elements.allSatisfy { $0.stringValue != nil }
        guard allNumbers || allStrings else {
            throw typeError(value, argument: "subject", expected: ["array-number", "array-string"])
        }
        return elements
    }

    private func ordered(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left < right }
        return (lhs.stringValue ?? "").unicodeScalars.lexicographicallyPrecedes((rhs.stringValue ?? "").unicodeScalars)
    }

    private func typeError(_ value: JSONValue, argument: String, expected: [String]) -> JMESPathError {
        let accepted = expected.map { "'\($0)'" }.joined(separator: ", ")
        return .evaluation(
            "In function \(rawValue)(), invalid type for \(argument): \(value.serialized()), "
                + "expected one of: [\(accepted)], received: \"\(value.typeName)\"")
    }
}
