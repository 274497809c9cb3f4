import JSONValue

/// The outcome of one route's condition on one message, with the trace the route tester and the
/// journal's RouteEvaluated event show.
///
/// A route matches only when its condition evaluates to the boolean `true`. As in IoT Hub, a
/// condition that evaluates to undefined, null or any value that is not a boolean counts as no
/// match and is an error (Azure writes it to the routes resource log); a condition that is
/// `false` is no match and no error.
public struct RoutingEvaluation: Sendable, Equatable {
    /// One property the condition read, in the order it was first read.
    public struct Read: Sendable, Equatable {
        /// The path as the condition writes it: `sensorID`, `$contentType`, `$body.Weather.Temperature`.
        public var path: String
        /// The value read; `nil` when undefined.
        public var value: JSONValue?
        /// Why the value is undefined (`the message has no application property 'sensorID'`,
        /// `$body can be read only when the content type is application/json; ...`); `nil` when
        /// the value was found.
        public var reason: String?

        public init(path: String, value: JSONValue?, reason: String?) {
            self.path = path
            self.value = value
            self.reason = reason
        }
    }

    /// Whether the route matches: the condition evaluated to `true`.
    public var matched: Bool
    /// What the condition evaluated to; `nil` when undefined.
    public var result: JSONValue?
    /// Each distinct property the condition read. AND and OR stop once the left side decides,
    /// so a property the evaluation never needed is not listed.
    public var reads: [Read]
    /// Why the condition counted as no match when it did not evaluate to a boolean; `nil` when it
    /// evaluated to `true` or `false`.
    public var error: String?

    public init(matched: Bool, result: JSONValue?, reads: [Read], error: String?) {
        self.matched = matched
        self.result = result
        self.reads = reads
        self.error = error
    }

    /// The evaluation of a condition that gave `result` after reading `reads`.
    init(result: JSONValue?, reads: [Read]) {
        let error: String?
        switch result {
        case .bool?:
            error = nil
        case nil:
            let cause = reads.first { $0.value == nil }.map { ": \($0.path) is undefined because \($0.reason ?? "it is missing")" }
            error = "the condition evaluated to undefined, not true or false, so the message does not match\(cause ?? "")"
        case .null?:
            error = "the condition evaluated to null, not true or false, so the message does not match"
        case let value?:
            error = "the condition evaluated to the \(value.typeName) \(value.serialized()), not true or false, so the message does not match"
        }
        self.init(matched: result == .bool(true), result: result, reads: reads, error: error)
    }
}
