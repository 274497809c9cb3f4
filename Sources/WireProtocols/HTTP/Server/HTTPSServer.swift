import HubEngine
import LabCore
import LocalCloud
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The HTTPS front door: IoT Hub's service REST API and device REST API on one port.
///
/// Plain NIOHTTP1 with an optional TLS handler in front (DESIGN.md: no web framework). The
/// service SDKs reach it at whatever port the connection string's `HostName` names; devices
/// reach it at 443, which they hard-code.
public final class HTTPSServer: Sendable {
    private let channel: any Channel
    /// The accepted connections, closed by ``stop()`` (the type the MQTT listener keeps its own in).
    private let connections: MQTTOpenConnections
    /// The port actually bound, which differs from the one asked for when that was 0.
    public let localPort: Int

    private init(channel: any Channel, connections: MQTTOpenConnections, localPort: Int) {
        self.channel = channel
        self.connections = connections
        self.localPort = localPort
    }

    /// Binds `host:port` and serves until ``stop()``.
    ///
    /// - Parameters:
    ///   - tls: ``FrontDoorCertificates/serverContext()`` (TLS 1.2 and 1.3, client certificate
    ///     optional, handed to authentication for X.509 devices); `nil` serves plain HTTP, for
    ///     tests and for a TLS-terminating proxy in front.
    ///   - tokenClock: the clock SAS token expiry is checked against (the real wall clock in
    ///     `serve`), separate from the lab clock that may be fast-forwarded.
    ///   - webSocketMQTT: the MQTT broker that serves WebSocket connections upgraded at
    ///     `/$iothub/websocket` (the device SDKs' `websockets=True`); `nil` answers that path 404.
    ///   - blobStore: where file uploads are written (`FileBlobStore` on `$IOTLAB_HOME/blobs` in
    ///     `serve`); `nil` refuses blob writes, so devices can get an upload URI but not use it.
    public static func start(
        host: String, port: Int, tls: NIOSSLContext?, cloud: LocalCloud, tokenClock: any LabClock, group: any EventLoopGroup,
        webSocketMQTT: MQTTServer?, blobStore: (any BlobStore)? = nil
    ) async throws -> HTTPSServer {
        var configure: ConnectionConfigurator?
        if let webSocketMQTT {
            configure = { channel in webSocketMQTT.configureConnection(channel) }
        }
        return try await start(
            host: host, port: port, tls: tls, cloud: cloud, tokenClock: tokenClock, group: group, mqttOverWebSockets: configure,
            blobStore: blobStore)
    }

    /// `start`, with WebSocket connections at `/$iothub/websocket` handed to `mqttOverWebSockets`.
    static func start(
        host: String, port: Int, tls: NIOSSLContext?, cloud: LocalCloud, tokenClock: any LabClock, group: any EventLoopGroup,
        mqttOverWebSockets: ConnectionConfigurator?, blobStore: (any BlobStore)? = nil
    ) async throws -> HTTPSServer {
        let router = RESTRouter(cloud: cloud, tokenClock: tokenClock, blobs: blobStore.map(FileUploadBlobs.init))
        let connections = MQTTOpenConnections()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                Self.track(channel, in: connections)
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls { try pipeline.addHandler(NIOSSLServerHandler.frontDoor(context: tls)) }
                    let localPort = channel.localAddress?.port ?? port
                    let peer = tls == nil
                        ? RESTPeer.anonymous(localPort: localPort)
                        : RESTPeer(certificates: { await channel.peerCertificates() }, localPort: localPort)
                    let rest = HTTPConnectionHandler(router: router, peer: peer)
                    if let mqttOverWebSockets {
                        let upgrade: NIOHTTPServerUpgradeSendableConfiguration = (
                            upgraders: [MQTTWebSocketUpgrade.upgrader(configure: mqttOverWebSockets)],
                            completionHandler: { context in
                                _ = context.pipeline.syncOperations.removeHandler(name: restHandlerName)
                            }
                        )
                        try pipeline.configureHTTPServerPipeline(withServerUpgrade: upgrade, withErrorHandling: true)
                    } else {
                        try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                    }
                    try pipeline.addHandler(rest, name: restHandlerName)
                }
            }
            .bind(host: host, port: port)
            .get()
        return HTTPSServer(channel: channel, connections: connections, localPort: channel.localAddress?.port ?? port)
    }

    /// Keeps `channel` among the open connections until it closes; one accepted as the server
    /// stops is closed at once.
    private static func track(_ channel: any Channel, in connections: MQTTOpenConnections) {
        Task {
            guard await connections.insert(channel) else {
                try? await channel.close()
                return
            }
            try? await channel.closeFuture.get()
            await connections.remove(channel)
        }
    }

    /// The REST handler's name in each connection's pipeline, so a WebSocket upgrade can remove it.
    private static let restHandlerName = "iotlab.rest"

    /// Stops accepting connections and closes the open ones, keep-alive and WebSocket alike.
    public func stop() async throws {
        try await channel.close()
        await connections.closeAll()
    }
}
