import Foundation
import NIOCore
import NIOPosix

/// The connection setup both ends share: the framing handlers and the probe that tells a live
/// socket from a stale file.
enum ControlChannel {
    /// A connection carrying frame bodies in both directions.
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Installs the frame codec on a new channel and wraps it for async use.
    @Sendable static func configure(_ channel: Channel) -> EventLoopFuture<Connection> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ControlFrameDecoder()))
            try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(ControlFrameEncoder()))
            return try Connection(wrappingChannelSynchronously: channel)
        }
    }

    /// A connection to the process listening on `socketPath`, or `nil` when none does: the file
    /// is absent, it is left over from a process that exited (connecting is refused), or the path
    /// is too long for a Unix-domain socket, so no process can be listening on it.
    static func connectIfListening(socketPath: String) async throws -> Connection? {
        guard FileManager.default.fileExists(atPath: socketPath) else { return nil }
        do {
            return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(unixDomainSocketPath: socketPath, channelInitializer: configure)
        } catch let error as IOError where [ECONNREFUSED, ENOENT].contains(error.errnoCode) {
            return nil
        } catch SocketAddressError.unixDomainSocketPathTooLong {
            return nil
        }
    }
}
