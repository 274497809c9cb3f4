import IoTQuery

extension RoutingEvaluation {
    /// The outcome of a route whose condition does not parse: no match, and the parse error as
    /// the reason, so the trace explains why the route never takes a message.
    static func unparsable(_ error: QueryError) -> RoutingEvaluation {
        RoutingEvaluation(matched: false, result: nil, reads: [], error: "the condition does not parse: \(error.message)")
    }
}
