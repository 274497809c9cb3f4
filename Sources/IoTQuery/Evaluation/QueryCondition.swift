import JSONValue

/// A condition on its own: the WHERE part of a query, or a configuration's target condition such
/// as `tags.environment = 'prod'`, read in the twin query dialect. A message route's condition is a
/// `RoutingCondition`, which reads the routing dialect's names.
///
/// Holds only when it evaluates to the boolean `true`; null, undefined and any other value count
/// as false, as Azure treats a route query that does not evaluate to a boolean.
public struct QueryCondition: Sendable, CustomStringConvertible {
    /// The condition as written.
    public let text: String
    let expression: Expression

    /// Parses `text`, failing with the line and column of the first problem.
    public init(_ text: String) throws(QueryError) {
        var parser = try Parser(text)
        expression = try parser.parseExpression()
        try parser.expectEnd("an operator or the end of the condition")
        self.text = text
    }

    /// The value of the condition with paths read through `scope`; `nil` when undefined.
    public func evaluate(in scope: some QueryScope) -> JSONValue? {
        expression.evaluate(in: scope)
    }

    /// Whether the condition holds with paths read through `scope`.
    public func isSatisfied(in scope: some QueryScope) -> Bool {
        expression.holds(in: scope)
    }

    /// Whether the condition holds for a twin or another document, paths read from its root.
    public func isSatisfied(by document: JSONValue) -> Bool {
        expression.holds(in: DocumentScope(document))
    }

    public var description: String { text }
}
