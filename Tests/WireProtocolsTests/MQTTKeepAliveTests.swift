import NIOCore
import NIOEmbedded
import Testing
@testable import WireProtocols

@Suite struct MQTTKeepAliveTests {
    @Test func silenceForOneAndAHalfKeepAlivePeriodsClosesTheConnection() throws {
        let channel = EmbeddedChannel(handler: MQTTKeepAlive())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        channel.pipeline.triggerUserOutboundEvent(MQTTKeepAlive.Period(seconds: 10), promise: nil)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(14_999))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
    }

    @Test func everyReadRestartsTheWait() throws {
        let channel = EmbeddedChannel(handler: MQTTKeepAlive())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        channel.pipeline.triggerUserOutboundEvent(MQTTKeepAlive.Period(seconds: 10), promise: nil)
        for _ in 0..<4 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(10))
            try channel.writeInbound(ByteBuffer(bytes: [0xC0, 0x00]))
        }
        #expect(channel.isActive)
    }

    @Test func aClientThatNeverSendsConnectIsClosedAfterTheConnectTimeout() throws {
        let channel = EmbeddedChannel(handler: MQTTKeepAlive())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        channel.embeddedEventLoop.advanceTime(by: MQTTKeepAlive.connectTimeout)
        #expect(!channel.isActive)
    }

    @Test func keepAliveZeroTurnsTheCheckOff() throws {
        let channel = EmbeddedChannel(handler: MQTTKeepAlive())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        channel.pipeline.triggerUserOutboundEvent(MQTTKeepAlive.Period(seconds: 0), promise: nil)
        channel.embeddedEventLoop.advanceTime(by: .hours(10))
        #expect(channel.isActive)
    }
}
