import NIOCore
import NIOHTTP1

/// Closes a connection that has had no request for `idleTimeout`, counting from when it opened
/// or last finished answering; a request being answered keeps it open however long the answer
/// takes (a direct method may keep the client waiting, silent, for up to 300 s).
///
/// Azure's front ends drop idle connections too (Azure Load Balancer: 4 minutes); here it also
/// keeps a client that opens connections and goes away without closing them from piling up
/// half-open sockets. The timer runs on the event loop's clock, so tests advance it by hand.
final class HTTPIdleConnectionCloser: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How long a connection may stay silent between requests: Azure Load Balancer's default.
    static let idleTimeout = TimeAmount.minutes(4)

    /// Requests whose head arrived and whose answer has not ended yet.
    private var unanswered = 0
    private var idleTimer: Scheduled<Void>?

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startTimer(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleTimer?.cancel()
    }

    func channelActive(context: ChannelHandlerContext) {
        startTimer(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            unanswered += 1
            idleTimer?.cancel()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 { startTimer(context: context) }
        }
        context.write(data, promise: promise)
    }

    private func startTimer(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        idleTimer = context.eventLoop.scheduleTask(in: Self.idleTimeout) {
            loopBound.value.close(promise: nil)
        }
    }
}
