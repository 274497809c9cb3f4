import JSONValue

/// A message route's condition (its "routing query"), parsed once when the route is saved and
/// evaluated on every message the route's source produces.
///
/// The routing dialect of the IoT Hub query language: `$contentType` and the other system
/// properties with `$` (see `MessageSystemProperty`), application properties by bare name
/// (`sensorID = "VSLog"`, strings in single or double quotes), `$body.Weather.Temperature` and
/// `$body.Weather.HistoricalData[0].Month` in a JSON body, `$twin.tags.…` and
/// `$twin.properties.desired|reported.…` in the sender's twin, the routing functions
/// (`as_number`, `is_defined`, `length`, `starts_with`, ...), and `true` for a route that takes
/// every message. A condition that does not parse cannot be saved, as Azure refuses such a route.
public struct RoutingCondition: Sendable, CustomStringConvertible {
    /// The condition as written.
    public let text: String
    /// Whether the condition reads the sender's twin (`$twin.…`), so that a hub loads the twin
    /// only for messages some route needs it for.
    public let readsTwin: Bool
    /// Whether the condition reads a `$` name other than `$body` and `$twin` (a system property,
    /// or an application property whose name starts with `$`), so that a hub lists a message's
    /// system properties only for conditions that read them; `$body` needs only the content
    /// type and encoding.
    public let readsSystemProperties: Bool
    let expression: Expression

    /// Parses `text`, failing with the line and column of the first problem
    /// (`400004 ArgumentInvalid: line 1, column 10: expected a value, found the end of the query`).
    public init(_ text: String) throws(QueryError) {
        var parser = try Parser(text, dialect: .routing)
        expression = try parser.parseExpression()
        try parser.expectEnd("an operator or the end of the condition")
        self.text = text
        var readsTwin = false
        var readsSystemProperties = false
        _ = expression.mappingPaths { path in
            let head = path.segments.first?.lowercased() ?? ""
            readsTwin = readsTwin || head == "$twin"
            readsSystemProperties = readsSystemProperties || (head.first == "$" && head != "$twin" && head != "$body")
            return path
        }
        self.readsTwin = readsTwin
        self.readsSystemProperties = readsSystemProperties
    }

    /// Evaluates the condition on `message`, with the values it read and, when it did not
    /// evaluate to a boolean, why it counts as no match. Never fails: an evaluation error is
    /// no match, as in IoT Hub.
    public func evaluate(_ message: RoutedMessage) -> RoutingEvaluation {
        evaluate(in: RoutingContext(message))
    }

    func evaluate(in context: RoutingContext) -> RoutingEvaluation {
        let scope = TracingScope(context)
        let result = expression.evaluate(in: scope)
        return RoutingEvaluation(result: result, reads: scope.reads)
    }

    /// The condition's outcome on the message of `context`, without its trace.
    func verdict(in context: RoutingContext) -> RoutingVerdict {
        context.firstUndefined = nil
        let result = expression.evaluate(in: context)
        return RoutingVerdict(result: result, cause: context.firstUndefined)
    }

    public var description: String { text }
}
