import Foundation
import HubEngine

/// A connection's telemetry waiting for its PUBACKs, oldest first.
///
/// The connection appends as it reads; one task takes them in order and, once the oldest is
/// durable, also takes every following one that already is, so the PUBACKs of a whole group
/// commit go out in one write (one TLS record, one system call) instead of one each.
final class MQTTAcknowledgementQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [MQTTPendingAcknowledgement] = []
    private var waiter: CheckedContinuation<Void, Never>?
    private var finished = false

    func append(_ acknowledgement: MQTTPendingAcknowledgement) {
        let resumed: CheckedContinuation<Void, Never>? = lock.withLock {
            pending.append(acknowledgement)
            defer { waiter = nil }
            return waiter
        }
        resumed?.resume()
    }

    /// No more appends; `nextBatch()` returns what is left, then `nil`.
    func finish() {
        let resumed: CheckedContinuation<Void, Never>? = lock.withLock {
            finished = true
            defer { waiter = nil }
            return waiter
        }
        resumed?.resume()
    }

    /// The oldest acknowledgement once it is settled, with every following one already settled;
    /// `nil` once finished and empty. The first element's outcome decides what the caller does.
    func nextBatch() async -> [(MQTTPendingAcknowledgement, Result<IngestReceipt, any Error>)]? {
        while true {
            let (first, done) = lock.withLock { (pending.first, finished) }
            if let first {
                let outcome: Result<IngestReceipt, any Error>
                do { outcome = .success(try await first.telemetry.receipt) } catch { outcome = .failure(error) }
                return lock.withLock {
                    var batch = [(pending.removeFirst(), outcome)]
                    while let next = pending.first, let settled = next.telemetry.settledOutcome {
                        batch.append((pending.removeFirst(), settled))
                    }
                    return batch
                }
            }
            if done { return nil }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock {
                    if !pending.isEmpty || finished { return true }
                    waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }
}
