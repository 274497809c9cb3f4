import JSONValue

/// The syntax tree of an expression in any IoT query dialect.
///
/// Dialects share this tree and its evaluator; they differ only in how a path finds its value
/// (see `QueryScope`), so the twin query, routing conditions and later edge routes reuse one
/// parser and one set of semantics.
indirect enum Expression: Sendable, Equatable {
    /// A constant; `nil` is the `undefined` constant.
    case constant(JSONValue?)
    /// A property read from the scope.
    case path(PropertyPath)
    case not(Expression)
    case negate(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `x IN [a, b]` or, when `negated`, `x NIN [a, b]`.
    case membership(Expression, [JSONValue], negated: Bool)
    case call(BuiltinFunction, [Expression])
}

/// Arithmetic and comparison operators, the binary operators other than AND and OR.
enum BinaryOperator: String, Sendable, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

extension Expression {
    /// The same expression with every path replaced by `transform(path)`; how a dialect strips a
    /// collection prefix such as `devices.jobs.` once, at parse time.
    func mappingPaths(_ transform: (PropertyPath) -> PropertyPath) -> Expression {
        switch self {
        case .constant: self
        case .path(let path): .path(transform(path))
        case .not(let operand): .not(operand.mappingPaths(transform))
        case .negate(let operand): .negate(operand.mappingPaths(transform))
        case .and(let left, let right): .and(left.mappingPaths(transform), right.mappingPaths(transform))
        case .or(let left, let right): .or(left.mappingPaths(transform), right.mappingPaths(transform))
        case .binary(let op, let left, let right): .binary(op, left.mappingPaths(transform), right.mappingPaths(transform))
        case .membership(let value, let list, let negated):
            .membership(value.mappingPaths(transform), list, negated: negated)
        case .call(let function, let arguments): .call(function, arguments.map { $0.mappingPaths(transform) })
        }
    }
}
