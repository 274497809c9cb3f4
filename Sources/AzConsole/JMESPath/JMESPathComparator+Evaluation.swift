import JSONValue

extension JMESPathComparator {
    /// Equality is structural (1 equals 1.0, a boolean never equals a number); ordering applies to
    /// numbers only and yields `null` otherwise, as jmespath specifies.
    func compare(_ left: JSONValue, _ right: JSONValue) -> JSONValue {
        switch self {
        case .equal: return .bool(holds(between: left, and: right))
        case .notEqual: return .bool(!JMESPathComparator.equal.holds(between: left, and: right))
        default:
            guard let lhs = left.doubleValue, let rhs = right.doubleValue else { return .null }
            return .bool(holds(lhs, rhs))
        }
    }

    func holds(between left: JSONValue, and right: JSONValue) -> Bool {
        switch (left, right) {
        case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
            left.doubleValue == right.doubleValue
        case (.array(let lhs), .array(let rhs)):
            lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { holds(between: $0, and: $1) }
        case (.object(let lhs), .object(let rhs)):
            lhs.count == rhs.count
                && lhs.allSatisfy { member in rhs[member.key].map { holds(between: member.value, and: $0) } ?? false }
        default:
            left == right
        }
    }

    private func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        }
    }
}
