import Foundation
import NIOCore
import NIOPosix

/// A client that speaks the frame format by hand, so tests can send what `ControlClient` never
/// would: several requests on one connection, garbage, a length over the limit.
struct RawConnection {
    private var frames: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending = ByteBuffer()

    /// Connects to `socketPath`, runs `body` with the connection, then closes it.
    static func open(socketPath: String, _ body: (inout RawConnection) async throws -> Void) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(unixDomainSocketPath: socketPath) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var connection = RawConnection(frames: inbound.makeAsyncIterator(), outbound: outbound)
            try await body(&connection)
        }
    }

    private init(frames: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.frames = frames
        self.outbound = outbound
    }

    /// Sends `body` with a correct 4-byte big-endian length prefix.
    func send(_ body: Data) async throws {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(body.count), endianness: .big)
        buffer.writeBytes(body)
        try await outbound.write(buffer)
    }

    /// Sends bytes exactly as given.
    func sendRaw(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// The next frame body, or `nil` once the server has closed the connection.
    mutating func receive() async throws -> Data? {
        while true {
            if let length = pending.getInteger(at: pending.readerIndex, endianness: .big, as: UInt32.self),
               pending.readableBytes >= 4 + Int(length) {
                pending.moveReaderIndex(forwardBy: 4)
                return pending.readBytes(length: Int(length)).map { Data($0) }
            }
            // A reset (the server closed with our bytes unread) is a close too.
            let next: ByteBuffer?
            do { next = try await frames.next() } catch let error as IOError where error.errnoCode == ECONNRESET { next = nil }
            guard var chunk = next else { return nil }
            pending.writeBuffer(&chunk)
        }
    }
}
