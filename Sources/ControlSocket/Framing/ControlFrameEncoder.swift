import NIOCore

/// Prefixes each outbound frame body with its length.
///
/// A body over ``ControlFrame/maximumLength`` fails the write here, so the sender sees an error
/// instead of the peer silently closing the connection.
struct ControlFrameEncoder: MessageToByteEncoder {
    typealias OutboundIn = ByteBuffer

    func encode(data: ByteBuffer, out: inout ByteBuffer) throws {
        guard data.readableBytes <= ControlFrame.maximumLength else {
            throw ControlSocketError.frameTooLarge(length: data.readableBytes)
        }
        out.writeInteger(UInt32(data.readableBytes), endianness: .big)
        out.writeImmutableBuffer(data)
    }
}
