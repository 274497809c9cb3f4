import LabCore
import LocalCloud
import MQTTCodec
import NIOCore
import NIOPosix
import NIOSSL

/// The IoT Hub MQTT 3.1.1 front door: devices and modules connect with the Azure SDKs, paho or
/// any MQTT client, over TLS (port 8883 in `serve`), plain TCP (tests, raw clients) or
/// WebSockets (the HTTPS listener hands its upgraded connections to `configureConnection`).
///
/// Each connection authenticates through `LocalCloud.authenticateDevice` and then acts through
/// the hub's `DeviceSession`, so what a real client does is what the console and the simulated
/// devices do.
public final class MQTTServer: Sendable {
    private let listener: any Channel
    private let context: MQTTServerContext
    private let group: any EventLoopGroup

    private init(listener: any Channel, context: MQTTServerContext, group: any EventLoopGroup) {
        self.listener = listener
        self.context = context
        self.group = group
    }

    /// Binds `host:port` (0 picks a free port; see `localPort`) and starts accepting connections.
    ///
    /// - Parameters:
    ///   - tls: `FrontDoorCertificates.serverContext()` (TLS 1.2 and 1.3, any client certificate
    ///     accepted and handed to authentication), or `nil` for plain TCP.
    ///   - tokenClock: the clock SAS expiry is checked against, the real wall clock in `serve`.
    public static func start(
        host: String, port: Int, tls: NIOSSLContext?, cloud: LocalCloud, tokenClock: any LabClock, group: any EventLoopGroup
    ) async throws -> MQTTServer {
        let context = MQTTServerContext(cloud: cloud, tokenClock: tokenClock, sessions: MQTTSessionStore(workspace: cloud.workspace), connections: MQTTOpenConnections())
        let listener = try await bind(host: host, port: port, tls: tls, context: context, group: group)
        return MQTTServer(listener: listener, context: context, group: group)
    }

    /// One more listener serving the same cloud, persistent sessions and open connections:
    /// `iotlab serve --mqtt-tcp-port` adds plain TCP next to TLS this way, so a persistent session
    /// survives a client moving between them. Stopping either stops every connection of both.
    public func listen(host: String, port: Int, tls: NIOSSLContext?) async throws -> MQTTServer {
        let channel = try await Self.bind(host: host, port: port, tls: tls, context: context, group: group)
        return MQTTServer(listener: channel, context: context, group: group)
    }

    /// Each connection keeps its last read buffer for the next read. Most connections are idle
    /// devices whose packets are a few hundred bytes, so the first buffer is 512 bytes rather than
    /// NIO's 2,048; a busy connection's buffer still grows, up to 64 KB, as its reads fill it.
    private static let receiveBuffers = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65_536)

    private static func bind(
        host: String, port: Int, tls: NIOSSLContext?, context: MQTTServerContext, group: any EventLoopGroup
    ) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.recvAllocator, value: receiveBuffers)
            .childChannelInitializer { channel in
                do {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler.frontDoor(context: tls))
                    }
                    try context.configure(channel)
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .bind(host: host, port: port)
            .get()
    }

    /// The port the server listens on (the one the system chose when started with port 0).
    public var localPort: Int {
        listener.localAddress?.port ?? 0
    }

    /// Adds the MQTT connection handlers to an already-open byte channel and starts serving it:
    /// used by the HTTPS listener after a WebSocket upgrade at `/$iothub/websocket`, with a
    /// frame-to-bytes adapter in front.
    public func configureConnection(_ channel: any Channel) -> EventLoopFuture<Void> {
        let context = self.context
        return channel.eventLoop.submit {
            try context.configure(channel)
        }
    }

    /// Stops accepting connections and closes every open one (their devices show as disconnected).
    /// Stopping a stopped server does nothing.
    public func stop() async throws {
        do {
            try await listener.close()
        } catch ChannelError.alreadyClosed {
            // Stopped before.
        }
        await context.connections.closeAll()
    }
}
