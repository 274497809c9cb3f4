import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import WireProtocols

/// A TLS listener on a free loopback port that does nothing but complete handshakes through
/// ``NIOSSLServerHandler/frontDoor(context:)`` and report each connection, so tests can ask the
/// server side what the client presented.
final class TLSTestServer: Sendable {
    /// What the server saw of one connection.
    enum Handshake: Sendable {
        /// The handshake completed; `presented` is what the pipeline reported at that moment.
        case completed(any Channel, presented: (leaf: [UInt8]?, chain: [[UInt8]]))
        case failed(String)
    }

    let port: Int
    let handshakes: AsyncStream<Handshake>
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup

    init(context: NIOSSLContext) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let (handshakes, continuation) = AsyncStream.makeStream(of: Handshake.self)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler.frontDoor(context: context))
                    try child.pipeline.syncOperations.addHandler(HandshakeReporter(continuation: continuation))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        self.group = group
        self.channel = channel
        self.handshakes = handshakes
        self.port = channel.localAddress?.port ?? 0
    }

    /// The next connection's outcome on the server side.
    func nextHandshake() async -> Handshake {
        var iterator = handshakes.makeAsyncIterator()
        return await iterator.next() ?? .failed("server stopped")
    }

    func stop() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }
}

/// Reports the end of the TLS handshake, successful or not, exactly once per connection.
private final class HandshakeReporter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let continuation: AsyncStream<TLSTestServer.Handshake>.Continuation
    private var reported = false

    init(continuation: AsyncStream<TLSTestServer.Handshake>.Continuation) {
        self.continuation = continuation
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            do {
                report(.completed(context.channel, presented: try context.pipeline.syncOperations.peerCertificates()))
            } catch {
                report(.failed("no TLS handler: \(error)"))
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        report(.failed("\(error)"))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        report(.failed("closed before the handshake completed"))
        context.fireChannelInactive()
    }

    private func report(_ handshake: TLSTestServer.Handshake) {
        guard !reported else { return }
        reported = true
        continuation.yield(handshake)
    }
}
