/// Telemetry that connected devices sent and the hub has not yet committed: the next group commit.
///
/// Front doors submit messages from many connections at once; they are gathered here and
/// committed together in one workspace transaction, so a hundred devices cost one commit (and
/// one fsync) rather than a hundred, while each still gets its own receipt or error only once
/// its message is durable.
struct PendingSessionSends {
    private(set) var messages: [(DeviceMessage, MessageSender)] = []
    private(set) var receipts: [PendingTelemetry] = []
    /// Whether a commit task is running; new sends then wait for the next round.
    var committing = false

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ message: DeviceMessage, from sender: MessageSender) -> PendingTelemetry {
        let receipt = PendingTelemetry()
        messages.append((message, sender))
        receipts.append(receipt)
        return receipt
    }

    /// Everything gathered so far, leaving the batch empty for the next round.
    mutating func take() -> (messages: [(DeviceMessage, MessageSender)], receipts: [PendingTelemetry]) {
        defer {
            messages.removeAll(keepingCapacity: true)
            receipts.removeAll(keepingCapacity: true)
        }
        return (messages, receipts)
    }
}
