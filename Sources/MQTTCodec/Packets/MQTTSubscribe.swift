/// A SUBSCRIBE packet (MQTT 3.1.1 §3.8): topic filters, each with the QoS the client asks for.
public struct MQTTSubscribe: Sendable, Equatable {
    public struct Subscription: Sendable, Equatable {
        public var topicFilter: String
        public var qos: MQTTQoS

        public init(topicFilter: String, qos: MQTTQoS) {
            self.topicFilter = topicFilter
            self.qos = qos
        }
    }

    public var packetId: UInt16
    /// At least one, in the order the client wrote them (SUBACK answers in the same order).
    public var subscriptions: [Subscription]

    public init(packetId: UInt16, subscriptions: [Subscription]) {
        self.packetId = packetId
        self.subscriptions = subscriptions
    }
}
