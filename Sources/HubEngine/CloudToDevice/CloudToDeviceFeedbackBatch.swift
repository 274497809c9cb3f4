import Foundation

/// The feedback records a service receiver took in one receive, locked together as IoT Hub
/// locks one feedback message: completing the batch removes every record in it, abandoning it
/// (or letting the lock lapse) makes them available to the next receive.
public struct CloudToDeviceFeedbackBatch: Sendable, Equatable {
    /// The token that settles this delivery (the HTTPS `ETag`); a later delivery gets a new one.
    public var lockToken: String
    public var records: [CloudToDeviceFeedback]
    /// Deliveries of these records so far, this one included (the highest among them).
    public var deliveryCount: Int
    /// When the lock lapses and the records become available again.
    public var lockedUntil: Date

    public init(lockToken: String, records: [CloudToDeviceFeedback], deliveryCount: Int, lockedUntil: Date) {
        self.lockToken = lockToken
        self.records = records
        self.deliveryCount = deliveryCount
        self.lockedUntil = lockedUntil
    }
}
