/// An UNSUBSCRIBE packet (MQTT 3.1.1 §3.10): topic filters to stop receiving.
public struct MQTTUnsubscribe: Sendable, Equatable {
    public var packetId: UInt16
    /// At least one.
    public var topicFilters: [String]

    public init(packetId: UInt16, topicFilters: [String]) {
        self.packetId = packetId
        self.topicFilters = topicFilters
    }
}
