import Foundation
import JSONValue
import WorkspaceStore

/// Every device's cloud-to-device queue and the hub's feedback records, with Azure's rules:
/// at most 50 messages per device, expiry at the message's TTL, a lock per delivery, abandon
/// back to the queue, reject or too many deliveries to the dead-letter (gone, with feedback).
///
/// Expired messages and locks are found when a queue is next touched, not by a timer: what a
/// device or the service can observe is the same, and nothing runs in the background. Each
/// operation records the rows and events it produced in `change`; the hub writes them in one
/// transaction before it keeps the new value.
struct CloudToDeviceQueues: Sendable {
    static let messagesCollection = "c2dMessages"
    static let feedbackCollection = "c2dFeedback"
    /// Azure's limit on messages enqueued for one device.
    static let maximumQueueDepth = 50

    /// What the operation in progress changed, to be written in one transaction.
    struct Change: Sendable {
        var rows: [StoreRow] = []
        var events: [HubEvent] = []
        /// Metric counters to add to, by Azure Monitor name.
        var counters: [String] = []
    }

    /// deviceId → its messages in sending order.
    private var queues: [String: [QueuedCloudToDeviceMessage]] = [:]
    /// A feedback record with the number it is stored under and its delivery state; the lock
    /// and count live in memory only (a restarted hub offers every record afresh).
    struct FeedbackEntry: Sendable {
        var number: Int64
        var record: CloudToDeviceFeedback
        var deliveryCount = 0
        var lock: QueuedCloudToDeviceMessage.Lock?

        func isLocked(at now: Date) -> Bool { lock.map { $0.until > now } ?? false }
    }

    /// Feedback records, oldest first.
    var feedbackRecords: [FeedbackEntry] = []
    private var lastSequenceNumber: Int64 = 0
    private var lastFeedbackNumber: Int64 = 0
    private(set) var change = Change()

    init(workspace: Workspace, scope: String) throws {
        let (messages, feedback) = try workspace.read { reader in
            (
                try reader.records(scope: scope, collection: Self.messagesCollection),
                try reader.records(scope: scope, collection: Self.feedbackCollection)
            )
        }
        for record in messages {
            let message = try QueuedCloudToDeviceMessage(json: JSONValue(parsing: record.body))
            queues[message.deviceId, default: []].append(message)
            lastSequenceNumber = max(lastSequenceNumber, message.sequenceNumber)
        }
        for record in feedback {
            let number = Int64(record.key) ?? 0
            feedbackRecords.append(FeedbackEntry(number: number, record: try CloudToDeviceFeedback(json: JSONValue(parsing: record.body))))
            lastFeedbackNumber = max(lastFeedbackNumber, number)
        }
    }

    /// Hands over what the operation changed and starts a new one.
    mutating func takeChange() -> Change {
        defer { change = Change() }
        return change
    }

    /// How many messages wait for `deviceId` (locked ones included), after expiry at `now`.
    mutating func depth(of deviceId: String, at now: Date) -> Int {
        expire(deviceId, at: now)
        return queues[deviceId]?.count ?? 0
    }

    /// Feedback records younger than `timeToLive`, oldest first, locked or not; older ones are dropped.
    mutating func feedback(at now: Date, timeToLive: TimeInterval) -> [CloudToDeviceFeedback] {
        expireFeedback(at: now, timeToLive: timeToLive)
        return feedbackRecords.map(\.record)
    }

    /// Drops the feedback records at or past `timeToLive`, locked or not.
    mutating func expireFeedback(at now: Date, timeToLive: TimeInterval) {
        dropFeedback { now.timeIntervalSince($0.record.enqueuedTime) >= timeToLive }
    }

    /// Drops the feedback records `isDropped` picks, from memory and from the store.
    mutating func dropFeedback(where isDropped: (FeedbackEntry) -> Bool) {
        for entry in feedbackRecords where isDropped(entry) {
            change.rows.append(Self.feedbackRow(number: entry.number, record: nil))
        }
        feedbackRecords.removeAll(where: isDropped)
    }

    // MARK: - Operations

    /// Adds a message to the device's queue; `DeviceMaximumQueueDepthExceeded` at 50.
    mutating func enqueue(
        _ message: CloudToDeviceMessage, to deviceId: String, deviceGenerationId: String, expiryTime: Date, at now: Date
    ) throws(DeviceMessagingError) {
        expire(deviceId, at: now)
        guard (queues[deviceId]?.count ?? 0) < Self.maximumQueueDepth else {
            throw .maximumQueueDepthExceeded(deviceId: deviceId, limit: Self.maximumQueueDepth)
        }
        lastSequenceNumber += 1
        var stored = message
        stored.expiryTime = expiryTime
        stored.timeToLive = nil
        let queued = QueuedCloudToDeviceMessage(
            deviceId: deviceId, deviceGenerationId: deviceGenerationId, sequenceNumber: lastSequenceNumber, message: stored,
            enqueuedTime: now, expiryTime: expiryTime)
        queues[deviceId, default: []].append(queued)
        save(queued)
        change.events.append(.cloudToDeviceSent(queued))
    }

    /// Locks the next available message for `lockDuration` and returns it, dead-lettering on the way
    /// any message already delivered `maxDeliveryCount` times; `nil` when none is available.
    mutating func lockNext(for deviceId: String, lockDuration: TimeInterval, maxDeliveryCount: Int, at now: Date) -> ReceivedCloudToDeviceMessage? {
        expire(deviceId, at: now)
        while let index = queues[deviceId]?.firstIndex(where: { !$0.isLocked(at: now) }), var queued = queues[deviceId]?[index] {
            guard queued.deliveryCount < maxDeliveryCount else {
                remove(at: index, of: deviceId, outcome: .deliveryCountExceeded, at: now)
                continue
            }
            queued.deliveryCount += 1
            queued.lock = .init(token: UUID().uuidString.lowercased(), until: now.addingTimeInterval(lockDuration))
            queues[deviceId]?[index] = queued
            save(queued)
            change.events.append(.cloudToDeviceDelivered(queued))
            return queued.received
        }
        return nil
    }

    /// How a receiver settles a locked message.
    enum Settlement: String, Sendable {
        case complete, abandon, reject
    }

    /// Settles the message locked with `lockToken`: complete removes it (feedback `Success`),
    /// reject dead-letters it (feedback `Rejected`), abandon unlocks it for the next delivery.
    mutating func settle(_ settlement: Settlement, lockToken: String, of deviceId: String, at now: Date) throws(DeviceMessagingError) {
        expire(deviceId, at: now)
        guard let index = queues[deviceId]?.firstIndex(where: { $0.lock?.token == lockToken && $0.isLocked(at: now) }) else {
            throw .messageLockLost(deviceId: deviceId, lockToken: lockToken)
        }
        switch settlement {
        case .complete:
            remove(at: index, of: deviceId, outcome: .success, at: now)
        case .reject:
            remove(at: index, of: deviceId, outcome: .rejected, at: now)
        case .abandon:
            queues[deviceId]?[index].lock = nil
            if let queued = queues[deviceId]?[index] {
                save(queued)
                change.events.append(.cloudToDeviceSettled(queued, outcome: "Abandoned"))
            }
        }
        change.counters.append("c2d.commands.egress.\(settlement.rawValue).success")
    }

    /// Empties the device's queue and returns how many messages it held (Azure's purge sends no feedback).
    mutating func purge(_ deviceId: String) -> Int {
        let purged = forget(deviceId)
        change.events.append(.cloudToDeviceQueuePurged(deviceId: deviceId, count: purged))
        return purged
    }

    /// Drops the queue of a deleted device; returns how many messages it held.
    @discardableResult
    mutating func forget(_ deviceId: String) -> Int {
        let messages = queues.removeValue(forKey: deviceId) ?? []
        for queued in messages { change.rows.append(Self.messageRow(key: queued.storageKey, message: nil)) }
        return messages.count
    }

    // MARK: - Shared

    /// Removes the device's messages whose expiry time has passed (feedback `Expired`).
    private mutating func expire(_ deviceId: String, at now: Date) {
        while let index = queues[deviceId]?.firstIndex(where: { $0.expiryTime <= now }) {
            remove(at: index, of: deviceId, outcome: .expired, at: now)
            change.counters.append("C2DMessagesExpired")
        }
    }

    /// Takes a message out of its queue for good, with the feedback its `ack` asks for.
    private mutating func remove(at index: Int, of deviceId: String, outcome: CloudToDeviceFeedback.Status, at now: Date) {
        guard let queued = queues[deviceId]?.remove(at: index) else { return }
        if queues[deviceId]?.isEmpty == true { queues.removeValue(forKey: deviceId) }
        change.rows.append(Self.messageRow(key: queued.storageKey, message: nil))
        change.events.append(.cloudToDeviceSettled(queued, outcome: outcome.rawValue))
        if let record = queued.feedback(outcome, at: now) {
            lastFeedbackNumber += 1
            feedbackRecords.append(FeedbackEntry(number: lastFeedbackNumber, record: record))
            change.rows.append(Self.feedbackRow(number: lastFeedbackNumber, record: record))
        }
    }

    private mutating func save(_ queued: QueuedCloudToDeviceMessage) {
        change.rows.append(Self.messageRow(key: queued.storageKey, message: queued))
    }

    private static func messageRow(key: String, message: QueuedCloudToDeviceMessage?) -> StoreRow {
        StoreRow(collection: messagesCollection, key: key, body: message.map { Data($0.json.serialized(.compact).utf8) })
    }

    private static func feedbackRow(number: Int64, record: CloudToDeviceFeedback?) -> StoreRow {
        let digits = String(number)
        let key = String(repeating: "0", count: max(0, 19 - digits.count)) + digits
        return StoreRow(collection: feedbackCollection, key: key, body: record.map { Data($0.json.serialized(.compact).utf8) })
    }
}
