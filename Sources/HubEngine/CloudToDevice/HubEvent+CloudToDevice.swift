import JSONValue
import LabCore

extension HubEvent {
    /// `C2DMessageSent`: the service enqueued a message for a device.
    static func cloudToDeviceSent(_ queued: QueuedCloudToDeviceMessage) -> HubEvent {
        .messaging(kind: "C2DMessageSent", subject: queued.deviceId, payload: summary(of: queued))
    }

    /// `C2DMessageDelivered`: a receiver locked the message (its delivery count grew).
    static func cloudToDeviceDelivered(_ queued: QueuedCloudToDeviceMessage) -> HubEvent {
        .messaging(kind: "C2DMessageDelivered", subject: queued.deviceId, payload: summary(of: queued))
    }

    /// `C2DMessageSettled`: completed (`Success`), `Abandoned`, `Rejected`, `Expired` or
    /// `DeliveryCountExceeded`.
    static func cloudToDeviceSettled(_ queued: QueuedCloudToDeviceMessage, outcome: String) -> HubEvent {
        var payload = summary(of: queued)
        payload.setValue(.string(outcome), at: ["outcome"])
        return .messaging(kind: "C2DMessageSettled", subject: queued.deviceId, payload: payload)
    }

    /// `C2DQueuePurged`: the service emptied a device's queue.
    static func cloudToDeviceQueuePurged(deviceId: String, count: Int) -> HubEvent {
        .messaging(kind: "C2DQueuePurged", subject: deviceId, payload: ["deviceId": .string(deviceId), "purged": .integer(count)])
    }

    private static func summary(of queued: QueuedCloudToDeviceMessage) -> JSONValue {
        [
            "deviceId": .string(queued.deviceId), "messageId": queued.message.messageId.map(JSONValue.string) ?? .null,
            "sequenceNumber": .integer(Int(queued.sequenceNumber)), "deliveryCount": .integer(queued.deliveryCount),
            "expiryTime": .string(AzureTimestamp.string(queued.expiryTime)), "ack": .string(queued.message.acknowledgement.rawValue),
        ]
    }
}
