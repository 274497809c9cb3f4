import JSONValue

/// The outcome of one route's condition on one message without its trace: whether it matched
/// and, when it counts as no match by error, the first path it read undefined, which is all the
/// error names.
///
/// A hub decides every message with verdicts and rebuilds the full trace (`RoutingEvaluation`,
/// every read with its value) only for a decision someone looks at, by evaluating again on the
/// same message: routing is deterministic, and few of the 200,000 messages a second are ever
/// looked at.
public struct RoutingVerdict: Sendable {
    /// What the condition evaluated to; `nil` when undefined.
    let result: JSONValue?
    /// The first path the condition read undefined, with why; `nil` when every read was defined.
    let cause: RoutingEvaluation.Read?

    /// Whether the route matches: the condition evaluated to `true`.
    public var matched: Bool {
        if case .bool(true)? = result { true } else { false }
    }

    /// Whether the condition counted as no match without evaluating to a boolean.
    public var hasError: Bool {
        if case .bool? = result { false } else { true }
    }

    /// What `error` is spelled from, equal to the full trace's `RoutingEvaluation.errorKey`.
    public var errorKey: RoutingEvaluation.ErrorKey? {
        RoutingEvaluation.errorKey(result: result, cause: cause)
    }

    /// Why the condition counted as no match, as the full trace's `RoutingEvaluation.error` spells it.
    public var error: String? {
        RoutingEvaluation.error(result: result, cause: cause)
    }
}
