extension RoutedMessage {
    /// Evaluates each condition on this message, in order, decoding the body once for all of
    /// them: how a hub evaluates every route of a source on one message.
    public func evaluate(_ conditions: [RoutingCondition]) -> [RoutingEvaluation] {
        let context = RoutingContext(self)
        return conditions.map { $0.evaluate(in: context) }
    }
}
