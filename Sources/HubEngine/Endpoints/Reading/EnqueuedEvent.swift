import Foundation

/// A message as a reader of an endpoint stream sees it, with the position Event Hubs gives it.
public struct EnqueuedEvent: Sendable, Equatable {
    public var partition: Int
    /// Increases by one per event in the partition and is never reused, even after retention.
    public var sequenceNumber: Int64
    /// Event Hubs' offset is an opaque string; here it is the sequence number's text, which
    /// orders and resumes the same way.
    public var offset: String { String(sequenceNumber) }
    /// When the hub enqueued the message (Event Hubs' `x-opt-enqueued-time`).
    public var enqueuedTime: Date
    public var message: HubMessage

    public init(partition: Int, sequenceNumber: Int64, enqueuedTime: Date, message: HubMessage) {
        self.partition = partition
        self.sequenceNumber = sequenceNumber
        self.enqueuedTime = enqueuedTime
        self.message = message
    }

    /// The order readers across partitions return events in: enqueued time, then partition, then sequence.
    static func precedes(_ first: EnqueuedEvent, _ second: EnqueuedEvent) -> Bool {
        (first.enqueuedTime, first.partition, first.sequenceNumber) < (second.enqueuedTime, second.partition, second.sequenceNumber)
    }
}
