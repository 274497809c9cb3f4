import NIOCore

/// Turns a byte stream into MQTT packets for a NIO pipeline (`ByteToMessageHandler(MQTTPacketDecoder())`).
///
/// Malformed input is thrown as an `MQTTDecodingError` through `errorCaught`, so the connection
/// handler can close the connection (MQTT §4.8); a half packet left when the peer closes is dropped.
public struct MQTTPacketDecoder: ByteToMessageDecoder {
    public typealias InboundOut = MQTTPacket

    public let maximumPacketSize: Int

    public init(maximumPacketSize: Int = MQTTPacket.defaultMaximumSize) {
        self.maximumPacketSize = maximumPacketSize
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let packet = try MQTTPacket.decode(from: &buffer, maximumSize: maximumPacketSize) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(packet))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        buffer.clear()
        return .needMoreData
    }
}
