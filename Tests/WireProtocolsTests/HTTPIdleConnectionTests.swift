import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing
@testable import WireProtocols

/// Idle connections end after Azure Load Balancer's four minutes, but never while an answer is
/// still owed; time is the embedded event loop's, advanced by hand.
@Suite struct HTTPIdleConnectionTests {
    static func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(HTTPIdleConnectionCloser())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 443)).wait()
        return channel
    }

    @Test func aSilentConnectionIsClosedAfterFourMinutes() throws {
        let channel = try Self.channel()
        channel.embeddedEventLoop.advanceTime(by: .minutes(4) - .seconds(1))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    @Test func aConnectionWaitingForItsAnswerStaysOpenUntilAnsweredAndIdle() throws {
        let channel = try Self.channel()
        channel.embeddedEventLoop.advanceTime(by: .minutes(3))
        try channel.writeInbound(HTTPServerRequestPart.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/twins/d1/methods")))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .minutes(5))
        #expect(channel.isActive)

        try channel.writeOutbound(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok)))
        try channel.writeOutbound(HTTPServerResponsePart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .minutes(4) - .seconds(1))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }
}
