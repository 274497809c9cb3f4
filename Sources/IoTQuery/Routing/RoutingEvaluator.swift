/// Evaluates routing conditions on one message without tracing them: how a hub decides each
/// message (see `RoutingVerdict`).
///
/// The message is built only when a condition is evaluated, and its body is decoded at most
/// once however many conditions read `$body`, and not at all when none does.
public struct RoutingEvaluator {
    private let message: () -> RoutedMessage
    private var context: RoutingContext?

    /// - Parameter message: the message as conditions read it, built on the first evaluation.
    public init(_ message: @escaping () -> RoutedMessage) {
        self.message = message
    }

    /// `condition`'s verdict on the message.
    public mutating func verdict(of condition: RoutingCondition) -> RoutingVerdict {
        let context = self.context ?? RoutingContext(message())
        self.context = context
        return condition.verdict(in: context)
    }
}
