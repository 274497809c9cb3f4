import Foundation

/// A cloud-to-device message as a device receives it: locked for the receiver until it is
/// completed, abandoned or rejected with `lockToken`, or the lock expires.
public struct ReceivedCloudToDeviceMessage: Sendable, Equatable {
    public var deviceId: String
    public var message: CloudToDeviceMessage
    /// The token that settles this delivery; a later delivery of the same message gets a new one.
    public var lockToken: String
    /// Deliveries so far, this one included.
    public var deliveryCount: Int
    /// The hub's number for the message, increasing in the order messages were sent.
    public var sequenceNumber: Int64
    public var enqueuedTime: Date
    public var expiryTime: Date

    public init(
        deviceId: String, message: CloudToDeviceMessage, lockToken: String, deliveryCount: Int, sequenceNumber: Int64,
        enqueuedTime: Date, expiryTime: Date
    ) {
        self.deviceId = deviceId
        self.message = message
        self.lockToken = lockToken
        self.deliveryCount = deliveryCount
        self.sequenceNumber = sequenceNumber
        self.enqueuedTime = enqueuedTime
        self.expiryTime = expiryTime
    }

    /// The message's `to` system property: `/devices/{id}/messages/deviceBound`.
    public var to: String { "/devices/\(deviceId)/messages/deviceBound" }
}
