/// Where a reader of every partition of a stream goes on: the next sequence number per partition.
///
/// `monitor-events` keeps one of these between polls; `EndpointReader.readAll(from:limit:)`
/// advances it past what it returned.
public struct StreamPositions: Sendable, Equatable {
    /// The stream read, e.g. `events` or `endpoint:NAME`.
    public var stream: String
    /// The next sequence number to read, indexed by partition.
    public var nextSequences: [Int64]

    public init(stream: String, nextSequences: [Int64]) {
        self.stream = stream
        self.nextSequences = nextSequences
    }

    public var partitionCount: Int { nextSequences.count }
}
