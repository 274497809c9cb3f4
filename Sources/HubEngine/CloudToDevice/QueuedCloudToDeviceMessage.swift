import Foundation

/// A message waiting in a device's queue, with its delivery state.
struct QueuedCloudToDeviceMessage: Sendable, Equatable {
    /// The lock of a delivered message: who may settle it, and until when.
    struct Lock: Sendable, Equatable {
        var token: String
        var until: Date
    }

    var deviceId: String
    /// The device's generation id when the message was sent, for feedback records.
    var deviceGenerationId: String
    var sequenceNumber: Int64
    var message: CloudToDeviceMessage
    var enqueuedTime: Date
    var expiryTime: Date
    var deliveryCount = 0
    var lock: Lock?

    /// The record key: device id, then the zero-padded sequence number, so a device's messages
    /// sort in sending order.
    var storageKey: String { Self.storageKey(deviceId: deviceId, sequenceNumber: sequenceNumber) }

    static func storageKey(deviceId: String, sequenceNumber: Int64) -> String {
        let digits = String(sequenceNumber)
        return deviceId + "/" + String(repeating: "0", count: max(0, 19 - digits.count)) + digits
    }

    /// Whether the message is locked by a receiver at `now`.
    func isLocked(at now: Date) -> Bool {
        guard let lock else { return false }
        return lock.until > now
    }

    /// The message as its receiver sees it; only meaningful while locked.
    var received: ReceivedCloudToDeviceMessage {
        ReceivedCloudToDeviceMessage(
            deviceId: deviceId, message: message, lockToken: lock?.token ?? "", deliveryCount: deliveryCount,
            sequenceNumber: sequenceNumber, enqueuedTime: enqueuedTime, expiryTime: expiryTime)
    }

    /// The feedback record for an outcome, when the message's `ack` asks for one.
    func feedback(_ status: CloudToDeviceFeedback.Status, at now: Date) -> CloudToDeviceFeedback? {
        guard message.acknowledgement.wantsFeedback(for: status) else { return nil }
        return CloudToDeviceFeedback(
            originalMessageId: message.messageId, deviceId: deviceId, deviceGenerationId: deviceGenerationId, status: status,
            enqueuedTime: now)
    }
}
