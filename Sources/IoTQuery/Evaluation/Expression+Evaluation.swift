import JSONValue

/// Evaluation with Azure's undefined semantics.
///
/// `nil` stands for undefined: a missing property, a comparison across types, arithmetic on a
/// string. A condition holds only when it evaluates to the boolean `true`; anything else,
/// undefined and null included, counts as false. Logic is three-valued as in Azure's query
/// engine: `false AND undefined` is false, `true OR undefined` is true, `NOT undefined` stays
/// undefined. AND and OR stop as soon as the left side decides.
extension Expression {
    func evaluate<Scope: QueryScope>(in scope: Scope) -> JSONValue? {
        switch self {
        case .constant(let value):
            return value
        case .path(let path):
            return scope.value(at: path)
        case .not(let operand):
            guard case .bool(let flag)? = operand.evaluate(in: scope) else { return nil }
            return .bool(!flag)
        case .negate(let operand):
            switch operand.evaluate(in: scope) {
            case .integer(let number)? where number != Int.min: return .integer(-number)
            case .integer(let number)?: return .double(-Double(number))
            case .double(let number)?: return .double(-number)
            default: return nil
            }
        case .and(let left, let right):
            let leftValue = left.evaluate(in: scope)
            if case .bool(false)? = leftValue { return .bool(false) }
            let rightValue = right.evaluate(in: scope)
            if case .bool(false)? = rightValue { return .bool(false) }
            if case .bool(true)? = leftValue, case .bool(true)? = rightValue { return .bool(true) }
            return nil
        case .or(let left, let right):
            let leftValue = left.evaluate(in: scope)
            if case .bool(true)? = leftValue { return .bool(true) }
            let rightValue = right.evaluate(in: scope)
            if case .bool(true)? = rightValue { return .bool(true) }
            if case .bool(false)? = leftValue, case .bool(false)? = rightValue { return .bool(false) }
            return nil
        case .binary(let op, let left, let right):
            guard let leftValue = left.evaluate(in: scope), let rightValue = right.evaluate(in: scope) else {
                return nil
            }
            return Self.apply(op, leftValue, rightValue)
        case .membership(let value, let list, let negated):
            guard let member = value.evaluate(in: scope)?.isQueryMember(of: list) else { return nil }
            return .bool(member != negated)
        case .call(let function, let arguments):
            return function.evaluate(arguments.map { $0.evaluate(in: scope) })
        }
    }

    /// Whether the expression evaluates to the boolean `true` here.
    func holds<Scope: QueryScope>(in scope: Scope) -> Bool {
        if case .bool(true)? = evaluate(in: scope) { true } else { false }
    }

    private static func apply(_ op: BinaryOperator, _ left: JSONValue, _ right: JSONValue) -> JSONValue? {
        switch op {
        case .equal:
            return left.queryEquals(right).map(JSONValue.bool)
        case .notEqual:
            return left.queryEquals(right).map { .bool(!$0) }
        case .less:
            return left.queryOrder(right).map { .bool($0 == .ascending) }
        case .lessOrEqual:
            return left.queryOrder(right).map { .bool($0 != .descending) }
        case .greater:
            return left.queryOrder(right).map { .bool($0 == .descending) }
        case .greaterOrEqual:
            return left.queryOrder(right).map { .bool($0 != .ascending) }
        case .add, .subtract, .multiply, .divide, .remainder:
            return left.applying(op, right)
        }
    }
}
