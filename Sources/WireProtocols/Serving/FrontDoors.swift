import Foundation
import HubEngine
import LabCore
import LocalCloud
import NIOCore
import NIOPosix
import NIOSSL

/// The network listeners through which real Azure SDKs reach the local cloud: MQTT over TLS and
/// HTTPS (REST, and MQTT over WebSockets), sharing one TLS identity.
///
/// `iotlab serve` starts them next to the workspace; the workbench will start the same ones.
public actor FrontDoors {
    /// Where the listeners ended up (ports chosen by the system when 0 was asked).
    public nonisolated let endpoints: FrontDoorEndpoints
    private let mqtt: MQTTServer
    /// The plain-TCP MQTT listener, when one was asked for.
    private let mqttTCP: MQTTServer?
    private let https: HTTPSServer

    /// The unprivileged port HTTPS moves to when 443 cannot be bound.
    public static let httpsFallbackPort = 8443

    private init(endpoints: FrontDoorEndpoints, mqtt: MQTTServer, mqttTCP: MQTTServer?, https: HTTPSServer) {
        self.endpoints = endpoints
        self.mqtt = mqtt
        self.mqttTCP = mqttTCP
        self.https = https
    }

    /// Starts MQTT (and MQTT over plain TCP when `ports.mqttTCP` asks for it) then HTTPS on `ports`. HTTPS asked on 443 by default moves to 8443 when the
    /// process may not bind 443 (Linux without root or `CAP_NET_BIND_SERVICE`), with a note saying
    /// what needs 443; a port in use fails with an error naming the port and its flag.
    /// - Parameters:
    ///   - tokenClock: the clock SAS expiry is checked against: the real wall clock, as the SDKs
    ///     sign with it, even when lab time has been advanced.
    ///   - blobStore: where HTTPS file uploads land (`$IOTLAB_HOME/blobs` in `serve`); `nil`
    ///     refuses blob writes.
    public static func start(
        ports: FrontDoorPorts, cloud: LocalCloud, certificates: FrontDoorCertificates, tokenClock: any LabClock,
        blobStore: (any BlobStore)? = nil, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> FrontDoors {
        let context = try certificates.serverContext()
        let mqtt = try await listening(port: ports.mqtt, host: ports.host, flag: "--mqtt-port") {
            try await MQTTServer.start(
                host: ports.host, port: ports.mqtt, tls: context, cloud: cloud, tokenClock: tokenClock, group: group)
        }
        var mqttTCP: MQTTServer?
        do {
            if let port = ports.mqttTCP {
                mqttTCP = try await listening(port: port, host: ports.host, flag: "--mqtt-tcp-port") {
                    try await mqtt.listen(host: ports.host, port: port, tls: nil)
                }
            }
            let startHTTPS = { (port: Int) async throws -> HTTPSServer in
                try await listening(port: port, host: ports.host, flag: "--https-port") {
                    try await HTTPSServer.start(
                        host: ports.host, port: port, tls: context, cloud: cloud, tokenClock: tokenClock,
                        group: group, webSocketMQTT: mqtt, blobStore: blobStore)
                }
            }
            var note: String?
            let https: HTTPSServer
            do {
                https = try await startHTTPS(ports.https)
            } catch FrontDoorError.portNotPermitted where ports.https == 443 {
                https = try await startHTTPS(httpsFallbackPort)
                note = """
                    HTTPS is on \(httpsFallbackPort) because this process may not bind 443. Service connection strings \
                    name the port, so REST works; the device SDK's MQTT over WebSockets and file upload always use 443 \
                    (run with CAP_NET_BIND_SERVICE or as root, or forward 443 to \(httpsFallbackPort), to use them).
                    """
            }
            let endpoints = FrontDoorEndpoints(
                host: ports.host, mqttPort: mqtt.localPort, httpsPort: https.localPort, httpsNote: note,
                mqttTCPPort: mqttTCP?.localPort)
            return FrontDoors(endpoints: endpoints, mqtt: mqtt, mqttTCP: mqttTCP, https: https)
        } catch {
            try? await mqttTCP?.stop()
            try? await mqtt.stop()
            throw error
        }
    }

    /// Stops accepting connections and closes the listeners.
    public func stop() async throws {
        try await https.stop()
        try await mqttTCP?.stop()
        try await mqtt.stop()
    }

    /// Runs `start`, turning a bind failure into a ``FrontDoorError`` that names the port and its flag.
    private static func listening<Server>(
        port: Int, host: String, flag: String, _ start: () async throws -> Server
    ) async throws -> Server {
        do {
            return try await start()
        } catch let error as IOError {
            switch error.errnoCode {
            case EADDRINUSE: throw FrontDoorError.portInUse(port: port, host: host, flag: flag)
            case EACCES, EPERM: throw FrontDoorError.portNotPermitted(port: port, flag: flag)
            default: throw FrontDoorError.listenFailed(port: port, flag: flag, reason: "\(error)")
            }
        }
    }
}
