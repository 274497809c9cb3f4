/// Telemetry that connected devices sent and the hub has not yet committed: the next group commit.
///
/// Front doors call `DeviceSession.send` once per message from many connections at once; waiting
/// senders are gathered here and committed together in one workspace transaction, so a hundred
/// devices cost one commit (and one fsync) rather than a hundred, while each still gets its own
/// receipt or error only once its message is durable.
struct PendingSessionSends {
    typealias Waiter = CheckedContinuation<IngestReceipt, any Error>

    private(set) var messages: [(DeviceMessage, MessageSender)] = []
    private(set) var waiters: [Waiter] = []
    /// Whether a commit task is running; new sends then wait for the next round.
    var committing = false

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ message: DeviceMessage, from sender: MessageSender, waiter: Waiter) {
        messages.append((message, sender))
        waiters.append(waiter)
    }

    /// Everything gathered so far, leaving the batch empty for the next round.
    mutating func take() -> (messages: [(DeviceMessage, MessageSender)], waiters: [Waiter]) {
        defer {
            messages.removeAll(keepingCapacity: true)
            waiters.removeAll(keepingCapacity: true)
        }
        return (messages, waiters)
    }
}
