import NIOCore

/// Writes MQTT packets for a NIO pipeline (`MessageToByteHandler(MQTTPacketEncoder())`).
public struct MQTTPacketEncoder: MessageToByteEncoder {
    public typealias OutboundIn = MQTTPacket

    public init() {}

    public func encode(data: MQTTPacket, out: inout ByteBuffer) {
        data.write(to: &out)
    }
}
