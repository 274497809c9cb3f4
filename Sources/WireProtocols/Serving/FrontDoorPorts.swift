/// Where the front doors listen. The Azure SDKs hard-code 8883 for MQTT and 443 for WebSockets and
/// file upload, so those are the defaults; tests and classrooms pick others (0 asks the system for
/// a free port).
public struct FrontDoorPorts: Sendable, Equatable {
    /// The address every listener binds: loopback unless a classroom is served (`--listen`).
    public var host: String
    /// MQTT over TLS, shared by the hub and DPS (told apart by the CONNECT username).
    public var mqtt: Int
    /// HTTPS: service and device REST, MQTT over WebSockets at `/$iothub/websocket`, file upload.
    public var https: Int
    /// MQTT over plain TCP, off (`nil`) unless asked: IoT Hub has no such port, so no SDK uses
    /// it; it is there to compare iotlab with other brokers without TLS, and for lessons that
    /// look at MQTT packets on the wire.
    public var mqttTCP: Int?

    public init(host: String = "127.0.0.1", mqtt: Int = 8883, https: Int = 443, mqttTCP: Int? = nil) {
        self.host = host
        self.mqtt = mqtt
        self.https = https
        self.mqttTCP = mqttTCP
    }
}
