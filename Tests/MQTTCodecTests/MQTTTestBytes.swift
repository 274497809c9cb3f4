import MQTTCodec
import NIOCore

/// Encodes and decodes through the public codec API, so tests read as bytes in, packet out.
enum MQTTTestBytes {
    static func encode(_ packet: MQTTPacket) -> [UInt8] {
        var buffer = ByteBuffer()
        packet.write(to: &buffer)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    static func decode(_ bytes: [UInt8], maximumSize: Int = MQTTPacket.defaultMaximumSize) throws(MQTTDecodingError) -> MQTTPacket? {
        var buffer = ByteBuffer(bytes: bytes)
        return try MQTTPacket.decode(from: &buffer, maximumSize: maximumSize)
    }

    /// A fixed header with `body` as its remaining bytes, written by hand rather than by the
    /// encoder under test: bodies here stay under 128 bytes, a one-byte remaining length.
    static func packet(_ header: UInt8, _ body: [UInt8]) -> [UInt8] {
        precondition(body.count < 128, "test bodies fit a one-byte remaining length")
        return [header, UInt8(body.count)] + body
    }

    /// A length-prefixed string field.
    static func string(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        return [UInt8(utf8.count >> 8), UInt8(utf8.count & 0xFF)] + utf8
    }
}
