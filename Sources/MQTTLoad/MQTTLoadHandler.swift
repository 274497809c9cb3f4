import MQTTCodec
import NIOCore

/// One publisher on one connection: CONNECT, then publish until the deadline, keeping at most
/// `inFlight` QoS 1 messages unacknowledged (or paced at a rate), then DISCONNECT.
final class MQTTLoadHandler: ChannelInboundHandler {
    typealias InboundIn = MQTTPacket
    typealias OutboundOut = MQTTPacket

    private let client: MQTTLoadClient
    private let qos: MQTTQoS
    private let payload: [UInt8]
    private let ratePerClient: Double?
    private let inFlightLimit: Int
    private let connected: EventLoopPromise<Void>
    private let finished: EventLoopPromise<MQTTLoadClientResult>

    private var result = MQTTLoadClientResult()
    private var inFlight: [UInt16: NIODeadline] = [:]
    private var nextPacketId: UInt16 = 1
    private var stopping = false
    private var done = false
    private var pacing: RepeatedTask?
    /// PINGREQs while connected, so connections opened long before the run starts (10,000 take
    /// minutes to open on a busy machine) outlive the broker's keep-alive check.
    private var keepingAlive: RepeatedTask?
    /// Publishes written since the last flush: sent together once the read that acknowledged
    /// their predecessors is done, as one TLS record and one system call.
    private var unflushed = false

    /// How long to wait for the last acknowledgements once the deadline has passed.
    private static let grace = TimeAmount.seconds(5)

    init(
        client: MQTTLoadClient, configuration: MQTTLoadConfiguration, connected: EventLoopPromise<Void>,
        finished: EventLoopPromise<MQTTLoadClientResult>
    ) {
        self.client = client
        qos = configuration.qos
        payload = Array(repeating: UInt8(ascii: "x"), count: configuration.payloadSize)
        ratePerClient = configuration.ratePerClient
        inFlightLimit = max(1, configuration.inFlightPerClient)
        self.connected = connected
        self.finished = finished
    }

    /// The keep-alive announced in CONNECT; a PINGREQ goes every half of it.
    private static let keepAlive: UInt16 = 60

    func channelActive(context: ChannelHandlerContext) {
        let connect = MQTTConnect(
            clientId: client.clientId, cleanSession: true, keepAlive: Self.keepAlive, username: client.username,
            password: client.password.map { Array($0.utf8) })
        context.writeAndFlush(wrapOutboundOut(.connect(connect)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .connack(let answer):
            if answer.returnCode == .accepted {
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                let period = TimeAmount.seconds(Int64(Self.keepAlive / 2))
                keepingAlive = context.eventLoop.scheduleRepeatedTask(initialDelay: period, delay: period) { _ in
                    bound.value.writeAndFlush(NIOAny(MQTTPacket.pingreq), promise: nil)
                }
                connected.succeed()
            } else {
                fail(context: context, MQTTLoadError.refused(clientId: client.clientId, returnCode: answer.returnCode.rawValue))
            }
        case .puback(let packetId):
            guard let sent = inFlight.removeValue(forKey: packetId) else { return }
            let now = NIODeadline.now()
            result.acknowledged += 1
            result.latencies.append(UInt32(clamping: (now - sent).nanoseconds / 1000))
            result.lastAcknowledgement = now
            if stopping {
                if inFlight.isEmpty { finish(context: context) }
            } else if ratePerClient == nil {
                publish(context: context)
                unflushed = true
            }
        default:
            break
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let start = event as? MQTTLoadStart else { return context.fireUserInboundEventTriggered(event) }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(deadline: start.deadline) { bound.value.0.stop(context: bound.value.1) }
        if ratePerClient == 0 {
            return  // idle: connected until the deadline, for measuring what idle connections cost
        } else if let rate = ratePerClient {
            let interval = TimeAmount.nanoseconds(Int64(1_000_000_000 / max(rate, 0.001)))
            pacing = context.eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: interval) { _ in
                let (handler, context) = bound.value
                guard handler.qos == .atMostOnce || handler.inFlight.count < handler.inFlightLimit else { return }
                handler.publish(context: context)
                context.flush()
            }
        } else if qos == .atMostOnce {
            burst(context: context)
        } else {
            for _ in 0..<inFlightLimit { publish(context: context) }
            context.flush()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(context: context, error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !done { fail(context: context, MQTTLoadError.connectionLost(clientId: client.clientId)) }
        context.fireChannelInactive()
    }

    /// QoS 0 flat out: a hundred publishes a turn, then the event loop's other work, until stopped.
    private func burst(context: ChannelHandlerContext) {
        guard !stopping else { return }
        for _ in 0..<100 { publish(context: context) }
        context.flush()
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute { bound.value.0.burst(context: bound.value.1) }
    }

    private func publish(context: ChannelHandlerContext) {
        var message = MQTTPublish(topic: client.topic, payload: payload, qos: qos)
        let now = NIODeadline.now()
        if qos != .atMostOnce {
            message.packetId = nextPacketId
            inFlight[nextPacketId] = now
            nextPacketId = nextPacketId == .max ? 1 : nextPacketId + 1
        }
        result.published += 1
        if result.firstPublish == nil { result.firstPublish = now }
        context.write(wrapOutboundOut(.publish(message)), promise: nil)
    }

    private func stop(context: ChannelHandlerContext) {
        stopping = true
        pacing?.cancel()
        guard qos != .atMostOnce, !inFlight.isEmpty else { return finish(context: context) }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: Self.grace) { bound.value.0.finish(context: bound.value.1) }
    }

    private func finish(context: ChannelHandlerContext) {
        guard !done else { return }
        done = true
        keepingAlive?.cancel()
        if result.lastAcknowledgement == nil { result.lastAcknowledgement = NIODeadline.now() }
        context.writeAndFlush(wrapOutboundOut(.disconnect), promise: nil)
        context.close(promise: nil)
        finished.succeed(result)
    }

    private func fail(context: ChannelHandlerContext, _ error: Error) {
        guard !done else { return }
        done = true
        pacing?.cancel()
        keepingAlive?.cancel()
        connected.fail(error)
        finished.fail(error)
        context.close(promise: nil)
    }
}
