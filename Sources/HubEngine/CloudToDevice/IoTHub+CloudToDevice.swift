import Foundation

extension IoTHub {
    // MARK: - Service side

    /// Enqueues a message for a device (`az iot device c2d-message send`).
    ///
    /// Azure's rules: the standard or free tier only; at most 64 KB; the expiry is the message's
    /// own, else enqueue time plus its TTL, else plus the hub's default TTL, and never more than
    /// 2 days ahead; at most 50 messages wait per device (`DeviceMaximumQueueDepthExceeded`).
    /// A session subscribed to cloud-to-device messages receives it at once. Sends beyond the
    /// tier's cloud-to-device throttle wait on the hub's clock, then get 429.
    public func sendCloudToDevice(_ message: CloudToDeviceMessage, to deviceId: String) async throws {
        try requireStandardFeatures("Cloud-to-device messaging")
        _ = try registeredDevice(deviceId)
        try await admit(.cloudToDeviceSend)
        // Read after the throttle: the device may have changed while the send waited.
        let device = try registeredDevice(deviceId)
        guard message.size <= CloudToDeviceMessage.maximumBytes else {
            throw DeviceMessagingError.messageTooLarge(
                what: "The cloud-to-device message", size: message.size, limit: CloudToDeviceMessage.maximumBytes)
        }
        let now = clock.now()
        let maximum = CloudToDeviceMessage.maximumTimeToLive
        if let ttl = message.timeToLive, !(ttl > 0 && ttl <= maximum) {
            throw DeviceMessagingError.argumentInvalid(field: "ttl", rule: "must be more than 0 and at most 2 days (172800 seconds); it is \(ttl) seconds")
        }
        let expiry = message.expiryTime ?? now.addingTimeInterval(message.timeToLive ?? settings.cloudToDevice.defaultTimeToLive)
        guard expiry.timeIntervalSince(now) <= maximum else {
            throw DeviceMessagingError.argumentInvalid(field: "expiry", rule: "must be at most 2 days after the message is sent")
        }
        try changeCloudToDevice(chargingQuotaFor: message.size) { queues, now in
            try queues.enqueue(message, to: deviceId, deviceGenerationId: device.generationId, expiryTime: expiry, at: now)
        }
        try deliverCloudToDevice(to: deviceId)
    }

    /// Locks and returns the next message for a device, or `nil` when none waits (the HTTPS
    /// device receive `az iot device c2d-message receive` uses). The lock lasts `lockTimeout`
    /// seconds (default 60, 5–300); settle the message with its lock token before then.
    /// Receives are throttled as Azure's cloud-to-device receive operation.
    public func receiveCloudToDevice(deviceId: String, lockTimeout: TimeInterval? = nil) async throws -> ReceivedCloudToDeviceMessage? {
        try requireStandardFeatures("Cloud-to-device messaging")
        _ = try registeredDevice(deviceId)
        let lock = lockTimeout ?? CloudToDeviceMessage.defaultLockDuration
        guard (5...300).contains(lock) else {
            throw DeviceMessagingError.argumentInvalid(field: "lockTimeout", rule: "must be between 5 and 300 seconds; it is \(lock)")
        }
        try await admit(.cloudToDeviceReceive)
        _ = try registeredDevice(deviceId)
        let maxDeliveryCount = settings.cloudToDevice.maxDeliveryCount
        return try changeCloudToDevice { queues, now in
            queues.lockNext(for: deviceId, lockDuration: lock, maxDeliveryCount: maxDeliveryCount, at: now)
        }
    }

    /// Completes a received message: it leaves the queue (feedback `Success` if asked for).
    public func completeCloudToDevice(deviceId: String, lockToken: String) throws {
        try settleCloudToDevice(.complete, deviceId: deviceId, lockToken: lockToken)
    }

    /// Abandons a received message: it goes back to the queue for another delivery.
    public func abandonCloudToDevice(deviceId: String, lockToken: String) throws {
        try settleCloudToDevice(.abandon, deviceId: deviceId, lockToken: lockToken)
    }

    /// Rejects a received message: it is dead-lettered (feedback `Rejected` if asked for).
    public func rejectCloudToDevice(deviceId: String, lockToken: String) throws {
        try settleCloudToDevice(.reject, deviceId: deviceId, lockToken: lockToken)
    }

    /// Deletes every message waiting for a device and returns how many there were
    /// (`az iot device c2d-message purge`).
    public func purgeCloudToDevice(deviceId: String) throws -> Int {
        try requireStandardFeatures("Cloud-to-device messaging")
        _ = try registeredDevice(deviceId)
        return try changeCloudToDevice { queues, _ in queues.purge(deviceId) }
    }

    /// How many messages wait for a device, locked ones included, after expiry.
    public func cloudToDeviceQueueDepth(deviceId: String) throws -> Int {
        _ = try registeredDevice(deviceId)
        return try changeCloudToDevice { queues, now in queues.depth(of: deviceId, at: now) }
    }

    /// The feedback records younger than the hub's feedback TTL, oldest first, locked or not:
    /// a look at the feedback queue that takes nothing from it (the service's receiver uses
    /// `receiveCloudToDeviceFeedback()`).
    public func cloudToDeviceFeedback() throws -> [CloudToDeviceFeedback] {
        let timeToLive = settings.cloudToDevice.feedbackTimeToLive
        return try changeCloudToDevice { queues, now in queues.feedback(at: now, timeToLive: timeToLive) }
    }

    /// Takes the available feedback records as one batch, locked for the hub's feedback lock
    /// duration, as the service's feedback receiver does (`GET /messages/serviceBound/feedback`);
    /// `nil` when every record is locked or there are none.
    public func receiveCloudToDeviceFeedback() throws -> CloudToDeviceFeedbackBatch? {
        let settings = settings.cloudToDevice
        return try changeCloudToDevice { queues, now in
            queues.lockFeedback(
                lockDuration: settings.feedbackLockDuration, timeToLive: settings.feedbackTimeToLive,
                maxDeliveryCount: settings.feedbackMaxDeliveryCount, at: now)
        }
    }

    /// Completes a received feedback batch: its records leave the feedback queue.
    public func completeCloudToDeviceFeedback(lockToken: String) throws {
        let timeToLive = settings.cloudToDevice.feedbackTimeToLive
        try changeCloudToDevice { queues, now in try queues.settleFeedback(.complete, lockToken: lockToken, timeToLive: timeToLive, at: now) }
    }

    /// Abandons a received feedback batch: its records are offered again at the next receive.
    public func abandonCloudToDeviceFeedback(lockToken: String) throws {
        let timeToLive = settings.cloudToDevice.feedbackTimeToLive
        try changeCloudToDevice { queues, now in try queues.settleFeedback(.abandon, lockToken: lockToken, timeToLive: timeToLive, at: now) }
    }

    // MARK: - Device side

    func settleCloudToDevice(_ settlement: CloudToDeviceQueues.Settlement, deviceId: String, lockToken: String) throws {
        try requireStandardFeatures("Cloud-to-device messaging")
        _ = try registeredDevice(deviceId)
        try changeCloudToDevice { queues, now in try queues.settle(settlement, lockToken: lockToken, of: deviceId, at: now) }
        if settlement == .abandon { try deliverCloudToDevice(to: deviceId) }
    }

    /// Pushes every available message to the device's session if it subscribed to them, each
    /// locked for the default minute, as IoT Hub pushes to an MQTT device.
    func deliverCloudToDevice(to deviceId: String) throws {
        guard let session = sessions.session(deviceId, subscribedTo: .cloudToDevice) else { return }
        let maxDeliveryCount = settings.cloudToDevice.maxDeliveryCount
        let delivered = try changeCloudToDevice { queues, now in
            var delivered: [ReceivedCloudToDeviceMessage] = []
            while let next = queues.lockNext(
                for: deviceId, lockDuration: CloudToDeviceMessage.defaultLockDuration, maxDeliveryCount: maxDeliveryCount, at: now)
            {
                delivered.append(next)
            }
            return delivered
        }
        for message in delivered { session.continuation.yield(.cloudToDevice(message)) }
    }

    /// Drops a deleted device's queue. The device is gone either way; if the store refuses, the
    /// messages stay on disk and in memory until the queue is next purged.
    func forgetCloudToDeviceQueue(of deviceId: String) {
        _ = try? changeCloudToDevice { queues, _ in queues.forget(deviceId) }
    }

    /// Runs one queue operation on a copy, writes its rows and events in one transaction, and
    /// only then keeps the copy: a refused or failed operation leaves the queues as they were.
    /// With `chargingQuotaFor`, a successful operation is counted against the daily message
    /// quota (403002 once the day is used up) and the count is written in the same transaction.
    private func changeCloudToDevice<Result>(
        chargingQuotaFor payloadBytes: Int? = nil, _ operation: (inout CloudToDeviceQueues, Date) throws -> Result
    ) throws -> Result {
        var queues = cloudToDevice
        let now = clock.now()
        let result = try operation(&queues, now)
        let quotaBefore = try payloadBytes.map { (bytes) throws(HubError) in try chargeQuota(payloadBytes: bytes, at: now) }
        let change = queues.takeChange()
        // Counted first so the counts are stored with the change; put back if the write fails.
        let metricsBefore = metrics
        for counter in change.counters { metrics.count(counter) }
        if payloadBytes != nil || !change.rows.isEmpty || !change.events.isEmpty {
            do {
                try write(change.rows, events: change.events, at: now, persistingQuota: payloadBytes != nil)
            } catch {
                if let quotaBefore { telemetry.quota = quotaBefore }
                metrics = metricsBefore
                throw error
            }
        }
        cloudToDevice = queues
        return result
    }
}
