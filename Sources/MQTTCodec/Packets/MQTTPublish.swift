/// A PUBLISH packet (MQTT 3.1.1 §3.3): an application message on a topic.
public struct MQTTPublish: Sendable, Equatable {
    public var topic: String
    public var payload: [UInt8]
    public var qos: MQTTQoS
    /// Present exactly when `qos` is above 0; never 0.
    public var packetId: UInt16?
    public var retain: Bool
    /// Set on a re-delivery of a QoS 1 message the receiver may already have seen.
    public var duplicate: Bool

    public init(
        topic: String, payload: [UInt8] = [], qos: MQTTQoS = .atMostOnce, packetId: UInt16? = nil,
        retain: Bool = false, duplicate: Bool = false
    ) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.packetId = packetId
        self.retain = retain
        self.duplicate = duplicate
    }
}
