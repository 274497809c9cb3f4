import NIOCore
import NIOPosix

/// The listening end of the control socket, run by the process that holds the workspace (a running
/// `iotlab serve` or the TUI), so that `iotlab az ...` typed in another shell acts through it.
///
/// Each connection may send several requests; they are answered in order, one at a time, while
/// other connections are served concurrently. A malformed or oversized frame closes only the
/// connection that sent it.
public final class ControlServer: Sendable {
    private let listener: NIOAsyncChannel<ControlChannel.Connection, Never>
    private let serving: Task<Void, Never>

    private init(listener: NIOAsyncChannel<ControlChannel.Connection, Never>, serving: Task<Void, Never>) {
        self.listener = listener
        self.serving = serving
    }

    /// Starts listening on `socketPath` and runs `handler` for every request received; what the
    /// handler writes to its `ControlOutput` reaches the caller while the handler still runs.
    ///
    /// A socket file left behind by a process that exited is replaced; one that a live process
    /// still answers on is not.
    /// - Throws: ``ControlSocketError/alreadyServing(socketPath:)`` when another process listens
    ///   there, ``ControlSocketError/socketPathTooLong(socketPath:)`` when the path exceeds the
    ///   system's limit for Unix-domain sockets (about 100 bytes), or NIO's error when the path
    ///   cannot be bound (a file that is not a socket, a missing folder).
    public static func start(
        socketPath: String,
        handler: @escaping @Sendable (ControlRequest, ControlOutput) async -> ControlResponse
    ) async throws -> ControlServer {
        if let live = try await ControlChannel.connectIfListening(socketPath: socketPath) {
            try? await live.executeThenClose { _, _ in }
            throw ControlSocketError.alreadyServing(socketPath: socketPath)
        }
        let listener: NIOAsyncChannel<ControlChannel.Connection, Never>
        do {
            listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(
                    unixDomainSocketPath: socketPath,
                    cleanupExistingSocketFile: true,
                    childChannelInitializer: ControlChannel.configure)
        } catch SocketAddressError.unixDomainSocketPathTooLong {
            throw ControlSocketError.socketPathTooLong(socketPath: socketPath)
        }
        let serving = Task { await accept(on: listener, handler: handler) }
        return ControlServer(listener: listener, serving: serving)
    }

    /// Stops accepting, ends open connections once their current request is answered, and removes
    /// the socket file so a later `iotlab` does not mistake it for a live process.
    ///
    /// NIO unlinks a Unix-domain listener's file when it closes the listener it bound, so the file
    /// goes exactly when the listener does and never after another process has taken the path.
    public func stop() async throws {
        serving.cancel()
        // Closing ends the accept loop even if it is not at a cancellation point; a second stop
        // finds the channel already closed, which is fine.
        try? await listener.channel.close()
        await serving.value
    }

    private static func accept(
        on listener: NIOAsyncChannel<ControlChannel.Connection, Never>,
        handler: @escaping @Sendable (ControlRequest, ControlOutput) async -> ControlResponse
    ) async {
        // The listener only fails when it is closed, which is how `stop` ends it.
        try? await listener.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in connections {
                    group.addTask { await serve(connection, handler: handler) }
                }
            }
        }
    }

    private static func serve(
        _ connection: ControlChannel.Connection,
        handler: @escaping @Sendable (ControlRequest, ControlOutput) async -> ControlResponse
    ) async {
        // Any error (a garbage or oversized frame, a peer that vanished) ends this connection only;
        // the frame stream cannot be trusted after it, and the server keeps serving others.
        try? await connection.executeThenClose { inbound, outbound in
            for try await body in inbound {
                let request = try ControlFrame.decode(ControlRequest.self, from: body)
                let (printed, continuation) = AsyncStream<String>.makeStream()
                // A caller that hangs up mid-command ends the write loop with an error, which
                // cancels the handler: ctrl-c in the calling shell stops the forwarded command.
                async let response = respond(to: request, handler: handler, output: continuation)
                for await text in printed {
                    try await outbound.write(ControlFrame.encode(ControlReply.output(text)))
                }
                try await outbound.write(ControlFrame.encode(ControlReply.finished(await response)))
            }
        }
    }

    private static func respond(
        to request: ControlRequest, handler: @Sendable (ControlRequest, ControlOutput) async -> ControlResponse,
        output: AsyncStream<String>.Continuation
    ) async -> ControlResponse {
        defer { output.finish() }
        return await handler(request, ControlOutput(output))
    }
}
