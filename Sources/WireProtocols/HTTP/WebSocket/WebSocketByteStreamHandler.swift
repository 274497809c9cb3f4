import NIOCore
import NIOWebSocket

/// Turns a WebSocket connection into the plain byte stream MQTT expects: binary (and
/// continuation) frames in, binary frames out, so the MQTT handlers behind it cannot tell a
/// WebSocket connection from a TCP one.
///
/// MQTT over WebSockets (MQTT 3.1.1 §6) carries the packets in binary frames, a packet free to
/// span frames; pings are answered and a close is echoed, as RFC 6455 asks.
final class WebSocketByteStreamHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = WebSocketFrame

    private var closeSent = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .binary, .continuation:
            let payload = frame.unmaskedData
            if payload.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(payload)) }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            closeAfterEcho(context: context, data: frame.unmaskedData)
        case .text:
            // MQTT is binary; a text frame is a protocol error (RFC 6455 close code 1003).
            var reason = context.channel.allocator.buffer(capacity: 2)
            reason.write(webSocketErrorCode: .unacceptableData)
            closeAfterEcho(context: context, data: reason)
        default:
            break
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let frame = WebSocketFrame(fin: true, opcode: .binary, data: unwrapOutboundIn(data))
        context.write(wrapOutboundOut(frame), promise: promise)
    }

    private func closeAfterEcho(context: ChannelHandlerContext, data: ByteBuffer) {
        guard !closeSent else { return }
        closeSent = true
        let close = WebSocketFrame(fin: true, opcode: .connectionClose, data: data)
        context.writeAndFlush(wrapOutboundOut(close)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
