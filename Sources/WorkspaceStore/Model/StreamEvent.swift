import Foundation

/// Names one partition of one stream: a hub's built-in `events` endpoint partition 2 is
/// `StreamPartition(scope: "hub:h", stream: "events", partition: 2)`.
public struct StreamPartition: Sendable, Hashable {
    public var scope: String
    public var stream: String
    public var partition: Int

    public init(scope: String, stream: String, partition: Int) {
        self.scope = scope
        self.stream = stream
        self.partition = partition
    }
}

/// An event to append; the store gives it its sequence number.
public struct StreamEventDraft: Sendable, Equatable {
    public var enqueuedAt: Date
    /// The engine's encoding of the message (properties and body); the store does not read it.
    public var payload: Data

    public init(enqueuedAt: Date, payload: Data) {
        self.enqueuedAt = enqueuedAt
        self.payload = payload
    }
}

/// An event stored in a partition, with the sequence number readers position themselves by.
public struct StreamEvent: Sendable, Equatable {
    public var sequence: Int64
    public var enqueuedAt: Date
    public var payload: Data

    public init(sequence: Int64, enqueuedAt: Date, payload: Data) {
        self.sequence = sequence
        self.enqueuedAt = enqueuedAt
        self.payload = payload
    }
}

/// Where a reader starts in a partition, as an Event Hubs consumer chooses.
public enum StreamStart: Sendable, Equatable {
    /// The oldest event retention has kept.
    case earliest
    /// Only events appended from now on.
    case latest
    /// The first event enqueued at or after this time.
    case enqueuedTime(Date)
    /// The event with this sequence number, or the next one kept.
    case sequence(Int64)
}
