import Foundation

/// Telemetry that connected devices sent and the hub has not yet committed: the next group commit.
///
/// Front doors submit messages from many connections at once; they are gathered here and
/// committed together in one workspace transaction, so a hundred devices cost one commit (and
/// one fsync) rather than a hundred, while each still gets its own receipt or error only once
/// its message is durable. The queue has its own lock rather than living in the hub actor, so
/// connections keep submitting while the actor is busy committing the previous batch.
final class PendingSessionSends: @unchecked Sendable {
    struct Entry {
        /// One message, or those a front door read together; they commit in this order.
        let messages: [DeviceMessage]
        let sender: MessageSender
        /// The submitting session's number: a message from a session closed before its commit
        /// is refused, as a send on a closed connection is.
        let session: UInt64
        let receipt: PendingTelemetry
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    private var committing = false

    /// Queues messages under one receipt; `startsCommit` is true when no commit task is running,
    /// and the caller must start one.
    func add(_ messages: [DeviceMessage], from sender: MessageSender, session: UInt64) -> (receipt: PendingTelemetry, startsCommit: Bool) {
        let receipt = PendingTelemetry(count: messages.count)
        let startsCommit = lock.withLock {
            entries.append(Entry(messages: messages, sender: sender, session: session, receipt: receipt))
            defer { committing = true }
            return !committing
        }
        return (receipt, startsCommit)
    }

    /// The receipts of what one session queued and no commit has taken yet.
    func receipts(ofSession session: UInt64, sender: String) -> [PendingTelemetry] {
        lock.withLock { entries.filter { $0.session == session && $0.sender.key == sender }.map(\.receipt) }
    }

    /// Everything queued so far; when nothing is, the commit task ends (atomically with the
    /// check, so a message queued at that moment starts a new one).
    func takeOrStop() -> [Entry] {
        lock.withLock {
            if entries.isEmpty { committing = false }
            defer { entries.removeAll(keepingCapacity: true) }
            return entries
        }
    }
}
