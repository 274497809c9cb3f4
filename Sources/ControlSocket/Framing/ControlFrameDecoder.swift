import NIOCore

/// Splits the inbound byte stream into frame bodies.
///
/// A length over ``ControlFrame/maximumLength`` is an error, which closes the connection: the rest
/// of the stream can no longer be trusted to be aligned on frames.
struct ControlFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return .needMoreData
        }
        guard length <= ControlFrame.maximumLength else {
            throw ControlSocketError.frameTooLarge(length: Int(length))
        }
        guard buffer.readableBytes >= ControlFrame.headerLength + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: ControlFrame.headerLength)
        guard let body = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(body))
        return .continue
    }
}
