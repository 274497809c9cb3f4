/// A CONNECT packet (MQTT 3.1.1 §3.1): who the client says it is and how its session behaves.
///
/// IoT Hub reads the identity from `clientId` (`{deviceId}` or `{deviceId}/{moduleId}`) and
/// `username` (`{host}/{clientId}/?api-version=…`), and the SAS token from `password`.
public struct MQTTConnect: Sendable, Equatable {
    /// The message the server publishes for the client when it goes away without a DISCONNECT.
    public struct Will: Sendable, Equatable {
        public var topic: String
        public var payload: [UInt8]
        public var qos: MQTTQoS
        public var retain: Bool

        public init(topic: String, payload: [UInt8], qos: MQTTQoS = .atMostOnce, retain: Bool = false) {
            self.topic = topic
            self.payload = payload
            self.qos = qos
            self.retain = retain
        }
    }

    /// Always 4 (3.1.1) once decoded: the decoder refuses other levels.
    public var protocolLevel: UInt8
    public var clientId: String
    /// `true` discards any stored session; `false` (what the Azure SDKs send) resumes it.
    public var cleanSession: Bool
    /// Seconds; 0 turns keep-alive off.
    public var keepAlive: UInt16
    public var will: Will?
    public var username: String?
    /// Binary in MQTT; IoT Hub expects the UTF-8 of a SAS token.
    public var password: [UInt8]?

    public init(
        clientId: String, cleanSession: Bool = false, keepAlive: UInt16 = 60, will: Will? = nil,
        username: String? = nil, password: [UInt8]? = nil, protocolLevel: UInt8 = 4
    ) {
        self.protocolLevel = protocolLevel
        self.clientId = clientId
        self.cleanSession = cleanSession
        self.keepAlive = keepAlive
        self.will = will
        self.username = username
        self.password = password
    }
}
