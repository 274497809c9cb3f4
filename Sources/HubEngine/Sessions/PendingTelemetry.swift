import Foundation

/// Device messages accepted into the next group commit (one, or those a front door read from one
/// socket read): their receipts, once the hub has made them durable (or refused them).
///
/// Front doors submit a connection's messages in the order they arrived and await the receipts
/// separately, so one connection can have many messages in flight (paho keeps 20) and they still
/// commit, and are acknowledged, in order. A batch shares one handle, one lock and one
/// notification, while each message keeps its own outcome.
public final class PendingTelemetry: @unchecked Sendable {
    /// How many messages the handle stands for: 1 from `DeviceSession.submit(_:)`, the batch's
    /// size from `DeviceSession.submit(batch:)`.
    public let count: Int
    private let lock = NSLock()
    /// One outcome per message, in submission order, once settled.
    private var outcomes: [Result<IngestReceipt, any Error>]?
    private var waiters: [CheckedContinuation<IngestReceipt, any Error>] = []
    private var observers: [@Sendable () -> Void] = []

    init(count: Int) {
        self.count = count
    }

    /// The first message's receipt once it is durable in every endpoint it was routed to; throws
    /// what `IoTHub.ingest` would (size, quota, throttling) for that message alone. For a single
    /// message this is its receipt; for a batch it waits for the whole batch. An empty batch has
    /// none: `ArgumentInvalid`.
    public var receipt: IngestReceipt {
        get async throws {
            guard count > 0 else {
                throw DeviceMessagingError.argumentInvalid(field: "messages", rule: "a batch holds at least one message")
            }
            return try await withCheckedThrowingContinuation { waiter in
                let known: Result<IngestReceipt, any Error>? = lock.withLock {
                    if outcomes == nil { waiters.append(waiter) }
                    return outcomes?.first
                }
                if let known { waiter.resume(with: known) }
            }
        }
    }

    /// The outcome of the message at `index` (0 to `count - 1`, in submission order) if the hub
    /// has settled the batch, without waiting.
    public func settledOutcome(at index: Int) -> Result<IngestReceipt, any Error>? {
        lock.withLock { outcomes?[index] }
    }

    /// Calls `body` once the hub has settled the messages (at once, on this thread, if it has
    /// already), on the thread that settles them; read `settledOutcome(at:)` there.
    ///
    /// For a front door that acknowledges from its own event loop: it hops there from `body`,
    /// without a Swift task waiting on each message.
    public func whenSettled(_ body: @escaping @Sendable () -> Void) {
        let settled = lock.withLock {
            if outcomes == nil { observers.append(body) }
            return outcomes != nil
        }
        if settled { body() }
    }

    /// Settles every message with the same outcome (a refused batch, a closed session).
    func settle(_ result: Result<IngestReceipt, any Error>) {
        settle(all: Array(repeating: result, count: count))
    }

    /// Settles the messages with one outcome each, in submission order.
    func settle<Outcomes: Collection<Result<IngestReceipt, any Error>>>(all results: Outcomes) {
        let (waiting, observing) = lock.withLock { () -> ([CheckedContinuation<IngestReceipt, any Error>], [@Sendable () -> Void]) in
            guard outcomes == nil else { return ([], []) }
            outcomes = Array(results)
            defer {
                waiters.removeAll()
                observers.removeAll()
            }
            return (waiters, observers)
        }
        if let first = results.first {
            for waiter in waiting { waiter.resume(with: first) }
        }
        for observer in observing { observer() }
    }
}
