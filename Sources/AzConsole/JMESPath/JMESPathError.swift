/// Why a `--query` expression could not be compiled or evaluated.
///
/// az compiles `--query` with the jmespath library before running the command and rejects a
/// malformed expression as `argument --query: invalid jmespath_type value: '...'` (exit code 2);
/// a type error found while evaluating (e.g. `contains()` given `null`) fails the command instead.
struct JMESPathError: Error, Equatable, Sendable, CustomStringConvertible {
    enum Kind: Equatable, Sendable {
        /// The text is not an expression of the supported subset; `column` counts from 1.
        case syntax(column: Int)
        /// The expression is valid but a function got a value of the wrong type.
        case evaluation
    }

    let kind: Kind
    let reason: String

    static func syntax(_ reason: String, column: Int) -> JMESPathError {
        JMESPathError(kind: .syntax(column: column), reason: reason)
    }

    static func evaluation(_ reason: String) -> JMESPathError {
        JMESPathError(kind: .evaluation, reason: reason)
    }

    var description: String {
        switch kind {
        case .syntax(let column): "\(reason) (column \(column))"
        case .evaluation: reason
        }
    }
}
