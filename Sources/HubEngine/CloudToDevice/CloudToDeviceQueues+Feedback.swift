import Foundation

extension CloudToDeviceQueues {
    /// Locks every available feedback record as one batch for `lockDuration`, first dropping
    /// records past `timeToLive` and records already delivered `maxDeliveryCount` times (IoT Hub
    /// dead-letters those); `nil` when nothing is available.
    mutating func lockFeedback(
        lockDuration: TimeInterval, timeToLive: TimeInterval, maxDeliveryCount: Int, at now: Date
    ) -> CloudToDeviceFeedbackBatch? {
        expireFeedback(at: now, timeToLive: timeToLive)
        dropFeedback { !$0.isLocked(at: now) && $0.deliveryCount >= maxDeliveryCount }
        let lock = QueuedCloudToDeviceMessage.Lock(token: UUID().uuidString.lowercased(), until: now.addingTimeInterval(lockDuration))
        var records: [CloudToDeviceFeedback] = []
        var deliveryCount = 0
        for index in feedbackRecords.indices where !feedbackRecords[index].isLocked(at: now) {
            feedbackRecords[index].lock = lock
            feedbackRecords[index].deliveryCount += 1
            deliveryCount = max(deliveryCount, feedbackRecords[index].deliveryCount)
            records.append(feedbackRecords[index].record)
        }
        guard !records.isEmpty else { return nil }
        return CloudToDeviceFeedbackBatch(lockToken: lock.token, records: records, deliveryCount: deliveryCount, lockedUntil: lock.until)
    }

    /// Completes (removes) or abandons (unlocks) the feedback batch locked with `lockToken`,
    /// first dropping records past `timeToLive`; a token that is unknown, already settled or
    /// past its lock, or whose records all expired, is `FeedbackLockLost`.
    mutating func settleFeedback(
        _ settlement: Settlement, lockToken: String, timeToLive: TimeInterval, at now: Date
    ) throws(CloudToDeviceFeedbackError) {
        expireFeedback(at: now, timeToLive: timeToLive)
        let isHeld = { (entry: FeedbackEntry) in entry.lock?.token == lockToken && entry.isLocked(at: now) }
        guard feedbackRecords.contains(where: isHeld) else { throw .lockLost(lockToken: lockToken) }
        switch settlement {
        case .complete, .reject:
            dropFeedback(where: isHeld)
        case .abandon:
            for index in feedbackRecords.indices where isHeld(feedbackRecords[index]) { feedbackRecords[index].lock = nil }
        }
    }
}
