import Foundation

/// A device's message accepted into the next group commit: its receipt, once the hub has made it
/// durable (or refused it).
///
/// Front doors submit a connection's messages in the order they arrived and await the receipts
/// separately, so one connection can have many messages in flight (paho keeps 20) and they still
/// commit, and are acknowledged, in order.
public final class PendingTelemetry: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<IngestReceipt, any Error>?
    private var waiters: [CheckedContinuation<IngestReceipt, any Error>] = []
    private var observers: [@Sendable () -> Void] = []

    init() {}

    /// The receipt once the message is durable in every endpoint it was routed to; throws what
    /// `IoTHub.ingest` would (size, quota, throttling) for this message alone.
    public var receipt: IngestReceipt {
        get async throws {
            try await withCheckedThrowingContinuation { waiter in
                let known: Result<IngestReceipt, any Error>? = lock.withLock {
                    if outcome == nil { waiters.append(waiter) }
                    return outcome
                }
                if let known { waiter.resume(with: known) }
            }
        }
    }

    /// The outcome if the hub has already settled it, without waiting.
    public var settledOutcome: Result<IngestReceipt, any Error>? {
        lock.withLock { outcome }
    }

    /// Calls `body` once the hub has settled the message (at once, on this thread, if it has
    /// already), on the thread that settles it; read `settledOutcome` there.
    ///
    /// For a front door that acknowledges from its own event loop: it hops there from `body`,
    /// without a Swift task waiting on each message.
    public func whenSettled(_ body: @escaping @Sendable () -> Void) {
        let settled = lock.withLock {
            if outcome == nil { observers.append(body) }
            return outcome != nil
        }
        if settled { body() }
    }

    func settle(_ result: Result<IngestReceipt, any Error>) {
        let (waiting, observing) = lock.withLock { () -> ([CheckedContinuation<IngestReceipt, any Error>], [@Sendable () -> Void]) in
            guard outcome == nil else { return ([], []) }
            outcome = result
            defer {
                waiters.removeAll()
                observers.removeAll()
            }
            return (waiters, observers)
        }
        for waiter in waiting { waiter.resume(with: result) }
        for observer in observing { observer() }
    }
}
