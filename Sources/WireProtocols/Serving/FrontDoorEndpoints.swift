/// Where the running front doors listen, as `iotlab serve` and `iotlab info` print it and as
/// connection strings need it.
public struct FrontDoorEndpoints: Sendable, Equatable {
    /// The address the listeners are bound to.
    public let host: String
    /// The MQTT over TLS port (8883 unless `--mqtt-port` chose another).
    public let mqttPort: Int
    /// The HTTPS port: REST, MQTT over WebSockets, file upload.
    public let httpsPort: Int
    /// Why HTTPS is not where it was asked to be (443 needs privileges), to be shown to the user.
    public let httpsNote: String?
    /// The MQTT over plain TCP port when `--mqtt-tcp-port` opened one (Azure has none).
    public let mqttTCPPort: Int?

    public init(host: String, mqttPort: Int, httpsPort: Int, httpsNote: String? = nil, mqttTCPPort: Int? = nil) {
        self.host = host
        self.mqttPort = mqttPort
        self.httpsPort = httpsPort
        self.httpsNote = httpsNote
        self.mqttTCPPort = mqttTCPPort
    }

    /// The ports these endpoints listen on, to listen on them again (after a workspace reset).
    public var ports: FrontDoorPorts {
        FrontDoorPorts(host: host, mqtt: mqttPort, https: httpsPort, mqttTCP: mqttTCPPort)
    }

    /// Where `iotlab serve` listens by default, which connection strings assume when no front
    /// door runs.
    public static let defaults: FrontDoorEndpoints = {
        let ports = FrontDoorPorts()
        return FrontDoorEndpoints(host: ports.host, mqttPort: ports.mqtt, httpsPort: ports.https)
    }()

    /// The host clients name: `localhost` for a loopback or wildcard bind (it is in the server
    /// certificate and resolves everywhere), otherwise the `--listen` address.
    public var clientHost: String {
        ["127.0.0.1", "::1", "0.0.0.0", "::", "localhost"].contains(host) ? "localhost" : host
    }

    /// `HostName` of a service connection string: the HTTPS endpoint, with its port unless it is 443.
    public var serviceHostName: String {
        httpsPort == 443 ? clientHost : "\(clientHost):\(httpsPort)"
    }

    /// One line per listener, such as `mqtts  127.0.0.1:8883  MQTT 3.1.1 over TLS (devices, modules)`.
    public var lines: [String] {
        var lines = [
            "mqtts://\(authority(mqttPort))  MQTT 3.1.1 over TLS: devices and modules",
            "https://\(authority(httpsPort))  REST: service API and device API",
            "wss://\(authority(httpsPort))/$iothub/websocket  MQTT over WebSockets",
        ]
        if let mqttTCPPort {
            lines.append("mqtt://\(authority(mqttTCPPort))  MQTT 3.1.1 over plain TCP: benchmarks and teaching (Azure has no such port)")
        }
        return lines
    }

    private func authority(_ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
