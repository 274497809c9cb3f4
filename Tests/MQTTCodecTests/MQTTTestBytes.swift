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

    /// A fixed header with `body` as its remaining bytes.
    static func packet(_ header: UInt8, _ body: [UInt8]) -> [UInt8] {
        var bytes = [header]
        var length = body.count
        repeat {
            var byte = UInt8(length & 0x7F)
            length >>= 7
            if length > 0 { byte |= 0x80 }
            bytes.append(byte)
        } while length > 0
        return bytes + body
    }

    /// A length-prefixed string field.
    static func string(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        return [UInt8(utf8.count >> 8), UInt8(utf8.count & 0xFF)] + utf8
    }
}
