/// Evaluates routing conditions on one message without tracing them: how a hub decides each
/// message (see `RoutingVerdict`).
///
/// The message's body is decoded at most once however many conditions read `$body`, and not at
/// all when none does; given as a closure, the message is built only when a condition is
/// evaluated.
public struct RoutingEvaluator {
    private enum State {
        case pending(() -> RoutedMessage)
        case ready(RoutingContext)
    }

    private var state: State

    /// - Parameter message: the message as conditions read it, built on the first evaluation.
    public init(_ message: @escaping () -> RoutedMessage) {
        state = .pending(message)
    }

    /// - Parameter message: the message as conditions read it, for a caller that builds it only
    ///   once a condition must be evaluated (no closure is kept).
    public init(_ message: RoutedMessage) {
        state = .ready(RoutingContext(message))
    }

    /// `condition`'s verdict on the message.
    public mutating func verdict(of condition: RoutingCondition) -> RoutingVerdict {
        switch state {
        case .ready(let context):
            return condition.verdict(in: context)
        case .pending(let message):
            let context = RoutingContext(message())
            state = .ready(context)
            return condition.verdict(in: context)
        }
    }
}
