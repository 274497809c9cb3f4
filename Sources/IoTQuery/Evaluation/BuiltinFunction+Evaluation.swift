import Foundation
import JSONValue

/// What each function returns. An argument of the wrong type gives undefined, not an error,
/// as in Azure: `LOWER(tags.missing)` simply never matches.
extension BuiltinFunction {
    /// The result for evaluated arguments (`nil` entries are undefined); arity was checked when
    /// the query was parsed.
    func evaluate(_ arguments: [JSONValue?]) -> JSONValue? {
        let first = arguments.first ?? nil
        switch self {
        case .isDefined: return .bool(first != nil)
        case .isNull: return .bool(first?.isNull == true)
        case .isBool: return .bool(first?.boolValue != nil)
        case .isNumber: return .bool(first?.doubleValue != nil)
        case .isString: return .bool(first?.stringValue != nil)
        case .isObject: return .bool(first?.objectValue != nil)
        case .isArray: return .bool(first?.arrayValue != nil)
        case .isPrimitive:
            switch first {
            case .null?, .bool?, .integer?, .double?, .string?: return .bool(true)
            default: return .bool(false)
            }
        case .asNumber: return Self.asNumber(first)
        case .abs, .ceiling, .floor, .exp, .log, .log10, .power, .square, .sign, .sqrt, .trunc, .round:
            return evaluateMath(arguments)
        case .concat, .length, .lower, .upper, .substring, .indexOf, .startsWith, .endsWith, .contains:
            return evaluateString(arguments)
        }
    }

    private static func asNumber(_ value: JSONValue?) -> JSONValue? {
        switch value {
        case .integer?, .double?: return value
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let integer = Int(trimmed) { return .integer(integer) }
            if let double = Double(trimmed), double.isFinite { return .double(double) }
            return nil
        default: return nil
        }
    }

    private func evaluateMath(_ arguments: [JSONValue?]) -> JSONValue? {
        guard let value = arguments.first ?? nil, let number = value.doubleValue else { return nil }
        let isInteger = if case .integer = value { true } else { false }
        switch self {
        case .abs:
            if case .integer(let integer) = value, integer != Int.min { return .integer(Swift.abs(integer)) }
            return Self.number(Swift.abs(number), whole: false)
        case .ceiling: return Self.number(number.rounded(.up), whole: true)
        case .floor: return Self.number(number.rounded(.down), whole: true)
        case .trunc: return Self.number(number.rounded(.towardZero), whole: true)
        case .round: return Self.number(number.rounded(.toNearestOrAwayFromZero), whole: true)
        case .sign: return .integer(number > 0 ? 1 : (number < 0 ? -1 : 0))
        case .square: return Self.number(number * number, whole: isInteger)
        case .sqrt: return Self.number(number.squareRoot(), whole: false)
        case .exp: return Self.number(Foundation.exp(number), whole: false)
        case .log: return number > 0 ? Self.number(Foundation.log(number), whole: false) : nil
        case .log10: return number > 0 ? Self.number(Foundation.log10(number), whole: false) : nil
        case .power:
            guard let exponentValue = arguments.last ?? nil, let exponent = exponentValue.doubleValue else { return nil }
            let wholeExponent = if case .integer(let power) = exponentValue { power >= 0 } else { false }
            return Self.number(Foundation.pow(number, exponent), whole: isInteger && wholeExponent)
        default: return nil
        }
    }

    /// A finite result as a number: an integer when `whole` and exactly representable.
    private static func number(_ value: Double, whole: Bool) -> JSONValue? {
        guard value.isFinite else { return nil }
        if whole, Swift.abs(value) <= 9_007_199_254_740_992, let integer = Int(exactly: value) {
            return .integer(integer)
        }
        return .double(value)
    }

    private func evaluateString(_ arguments: [JSONValue?]) -> JSONValue? {
        if self == .concat {
            var text = ""
            for argument in arguments {
                guard let part = argument?.stringValue else { return nil }
                text += part
            }
            return .string(text)
        }
        guard let text = (arguments.first ?? nil)?.stringValue else { return nil }
        let second = arguments.count > 1 ? arguments[1] : nil
        switch self {
        case .length: return .integer(text.count)
        case .lower: return .string(text.lowercased())
        case .upper: return .string(text.uppercased())
        case .substring:
            guard let start = second?.integerValue else { return nil }
            let length = arguments.count > 2 ? (arguments[2]?.integerValue) : Int.max
            guard let length else { return nil }
            let characters = Array(text)
            let lower = min(max(start, 0), characters.count)
            let upper = length <= 0 ? lower : min(characters.count, lower + min(length, characters.count))
            return .string(String(characters[lower..<upper]))
        case .indexOf:
            guard let fragment = second?.stringValue else { return nil }
            guard !fragment.isEmpty else { return .integer(0) }
            guard let range = text.range(of: fragment) else { return .integer(-1) }
            return .integer(text.distance(from: text.startIndex, to: range.lowerBound))
        case .startsWith:
            guard let prefix = second?.stringValue else { return nil }
            return .bool(text.hasPrefix(prefix))
        case .endsWith:
            guard let suffix = second?.stringValue else { return nil }
            return .bool(text.hasSuffix(suffix))
        case .contains:
            guard let fragment = second?.stringValue else { return nil }
            return .bool(fragment.isEmpty || text.range(of: fragment) != nil)
        default: return nil
        }
    }
}
