/// Where one routed message was written: the pipeline records these in its routing decision
/// and the route tester shows them.
public struct EndpointDelivery: Sendable, Equatable {
    /// The endpoint's name as routes name it (`events` for the built-in one).
    public var endpointName: String
    /// The workspace stream that holds it (`events`, `endpoint:NAME`, or a storage endpoint's pending batch).
    public var stream: String
    public var partition: Int
    /// The sequence number the message got in that partition.
    public var sequenceNumber: Int64

    public init(endpointName: String, stream: String, partition: Int, sequenceNumber: Int64) {
        self.endpointName = endpointName
        self.stream = stream
        self.partition = partition
        self.sequenceNumber = sequenceNumber
    }
}
