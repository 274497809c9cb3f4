import Foundation
import MQTTCodec
import NIOCore
import NIOPosix

/// A minimal MQTT client over a real TCP socket, built on the codec: it sends packets and reads
/// them back in order, so tests see exactly what the server puts on the wire.
final class MQTTTestClient: Sendable {
    struct Timeout: Error {}
    /// A hang guard only: every read should be answered at once, so a read this slow is a failure.
    static let readLimit: Duration = .seconds(60)

    private let channel: NIOAsyncChannel<MQTTPacket, ByteBuffer>
    private let inbox = PacketInbox()

    private init(channel: NIOAsyncChannel<MQTTPacket, ByteBuffer>) {
        self.channel = channel
        let inbox = self.inbox
        Task {
            do {
                try await channel.executeThenClose { inbound, _ in
                    for try await packet in inbound { await inbox.put(.success(packet)) }
                }
                await inbox.put(.success(nil))
            } catch {
                await inbox.put(.failure(error))
            }
        }
    }

    static func connect(port: Int) async throws -> MQTTTestClient {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(MQTTPacketDecoder(maximumPacketSize: 1 << 22)))
                    return try NIOAsyncChannel<MQTTPacket, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return MQTTTestClient(channel: channel)
    }

    func send(_ packet: MQTTPacket) async throws {
        var buffer = ByteBuffer()
        packet.write(to: &buffer)
        try await channel.channel.writeAndFlush(buffer)
    }

    /// Writes raw bytes, for malformed input.
    func sendRaw(_ bytes: [UInt8]) async throws {
        try await channel.channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
    }

    /// The next packet the server sent, or `nil` once it closed the connection.
    func receive() async throws -> MQTTPacket? {
        let inbox = self.inbox
        return try await withThrowingTaskGroup(of: MQTTPacket?.self) { group in
            group.addTask { try await inbox.next() }
            group.addTask {
                try await Task.sleep(for: Self.readLimit)
                throw Timeout()
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// Reads packets until the server closes the connection, returning what came before.
    func receiveUntilClosed() async throws -> [MQTTPacket] {
        var received: [MQTTPacket] = []
        while let packet = try await receive() { received.append(packet) }
        return received
    }

    func close() async {
        try? await channel.channel.close()
    }
}

/// Packets in arrival order, then the end of the stream (repeated to every later reader).
private actor PacketInbox {
    private var queue: [Result<MQTTPacket?, any Error>] = []
    private var waiter: CheckedContinuation<MQTTPacket?, any Error>?

    func put(_ result: Result<MQTTPacket?, any Error>) {
        if let waiter {
            self.waiter = nil
            waiter.resume(with: result)
            if case .success(nil) = result { queue.append(result) }
        } else {
            queue.append(result)
        }
    }

    func next() async throws -> MQTTPacket? {
        if let first = queue.first {
            if case .success(.some) = first { queue.removeFirst() }
            return try first.get()
        }
        return try await withCheckedThrowingContinuation { waiter = $0 }
    }
}
