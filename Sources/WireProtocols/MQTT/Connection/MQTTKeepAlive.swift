import NIOCore

/// Closes a connection that stays silent too long: before CONNECT, for `connectTimeout`; after
/// it, for one and a half keep-alive periods, as MQTT 3.1.1 §3.1.2.10 and IoT Hub require.
///
/// The connection sets the keep-alive it read from CONNECT by sending `MQTTKeepAlive.Period`
/// as an outbound user event; a period of 0 turns the check off.
final class MQTTKeepAlive: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The keep-alive a client asked for in CONNECT, in seconds.
    struct Period: Sendable {
        var seconds: UInt16

        /// 1.5 × the period, or `nil` when keep-alive is off.
        var timeout: TimeAmount? {
            seconds == 0 ? nil : .milliseconds(Int64(seconds) * 1500)
        }
    }

    /// How long a client has to send CONNECT once its connection is open.
    static let connectTimeout = TimeAmount.seconds(30)

    private var timeout: TimeAmount?
    private var lastRead = NIODeadline.uptimeNanoseconds(0)
    private var check: Scheduled<Void>?

    init(timeout: TimeAmount? = MQTTKeepAlive.connectTimeout) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        lastRead = context.eventLoop.now
        schedule(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastRead = context.eventLoop.now
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let period = event as? Period else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        timeout = period.timeout
        lastRead = context.eventLoop.now
        schedule(context: context)
        promise?.succeed()
    }

    private func schedule(context: ChannelHandlerContext) {
        check?.cancel()
        guard let timeout else { return }
        let loop = context.eventLoop.assumeIsolated()
        check = loop.scheduleTask(deadline: lastRead + timeout) { [self] in
            if context.eventLoop.now >= self.lastRead + timeout {
                context.close(promise: nil)
            } else {
                self.schedule(context: context)
            }
        }
    }
}
