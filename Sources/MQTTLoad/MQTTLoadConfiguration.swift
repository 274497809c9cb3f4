import MQTTCodec
import NIOSSL

/// What one load run does: which broker, how many publishers, what they send and for how long.
public struct MQTTLoadConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// TLS settings for the connections, or `nil` for plain TCP.
    public var tls: TLSConfiguration?
    /// The name checked against the server certificate (SNI), when TLS is on.
    public var serverName: String?
    public var clients: [MQTTLoadClient]
    /// `.atMostOnce` sends without acknowledgement; `.atLeastOnce` measures publish-to-PUBACK latency.
    public var qos: MQTTQoS
    public var payloadSize: Int
    /// How long publishing lasts once every client is connected.
    public var duration: Double
    /// Messages a second per client, or `nil` to publish as fast as acknowledgements allow; 0
    /// keeps the connections open and idle for the duration.
    public var ratePerClient: Double?
    /// QoS 1 messages a client keeps unacknowledged at once (paho's default is 20).
    public var inFlightPerClient: Int

    public init(
        host: String, port: Int, tls: TLSConfiguration? = nil, serverName: String? = nil, clients: [MQTTLoadClient],
        qos: MQTTQoS = .atLeastOnce, payloadSize: Int = 256, duration: Double = 10, ratePerClient: Double? = nil,
        inFlightPerClient: Int = 20
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.serverName = serverName
        self.clients = clients
        self.qos = qos
        self.payloadSize = payloadSize
        self.duration = duration
        self.ratePerClient = ratePerClient
        self.inFlightPerClient = inFlightPerClient
    }
}
