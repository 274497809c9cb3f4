import NIOCore
import NIOEmbedded
import Testing
@testable import WireProtocols

@Suite struct MQTTKeepAliveTests {
    /// A connected channel with the keep-alive check, told the client's keep-alive if given.
    static func channel(keepAlive seconds: UInt16?) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: MQTTKeepAlive())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        if let seconds { channel.pipeline.triggerUserOutboundEvent(MQTTKeepAlive.Period(seconds: seconds), promise: nil) }
        return channel
    }

    @Test func silenceForOneAndAHalfKeepAlivePeriodsClosesTheConnection() throws {
        let channel = try Self.channel(keepAlive: 10)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(14_999))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
    }

    @Test func everyReadRestartsTheWait() throws {
        let channel = try Self.channel(keepAlive: 10)
        for _ in 0..<4 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(10))
            try channel.writeInbound(ByteBuffer(bytes: [0xC0, 0x00]))
        }
        #expect(channel.isActive)
    }

    @Test func aClientThatNeverSendsConnectIsClosedAfterTheConnectTimeout() throws {
        let channel = try Self.channel(keepAlive: nil)
        channel.embeddedEventLoop.advanceTime(by: MQTTKeepAlive.connectTimeout)
        #expect(!channel.isActive)
    }

    @Test func keepAliveZeroTurnsTheCheckOff() throws {
        let channel = try Self.channel(keepAlive: 0)
        channel.embeddedEventLoop.advanceTime(by: .hours(10))
        #expect(channel.isActive)
    }
}
