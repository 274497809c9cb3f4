/// Where a request handler writes what its command prints while it runs; each write reaches the
/// calling process as its own frame, in order, before the final response.
public struct ControlOutput: Sendable {
    private let continuation: AsyncStream<String>.Continuation

    init(_ continuation: AsyncStream<String>.Continuation) {
        self.continuation = continuation
    }

    /// Sends `text` to the caller's standard output.
    public func write(_ text: String) {
        continuation.yield(text)
    }
}
