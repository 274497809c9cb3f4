import HubEngine
import MQTTCodec
import NIOCore

/// The last handler of an MQTT connection's pipeline: telemetry is submitted to the hub and
/// acknowledged here, on the channel's event loop; every other packet goes to the connection's
/// task (`MQTTDeviceConnection`), which needs the hub actor or the connection's state.
///
/// Telemetry is nearly all the traffic, so keeping it on the event loop spares each message two
/// hand-offs between threads and a Swift task wake-up. The telemetry decoded from one socket read
/// goes to the hub as one batch, and the PUBACKs settled together leave as one buffer with one
/// flush: one TLS record and one system call rather than one per PUBACK. PUBACKs still follow the
/// order the publishes arrived in, whichever path handled them (MQTT 3.1.1 §4.6), and each is sent
/// only once the hub made its message durable.
///
/// The handler also encodes what the connection task sends, so that PUBACKs and other packets
/// reach the transport as bytes through one path, in the order they were written.
///
/// A client that sends faster than the hub commits is held back by TCP: the handler stops
/// reading while `maximumUnanswered` packets wait for an answer.
final class MQTTConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = MQTTPacket
    typealias OutboundIn = MQTTPacket
    typealias OutboundOut = ByteBuffer

    /// More than paho's 20 publishes in flight, and few enough that a client that floods the
    /// connection is held back by TCP instead of filling the server's memory.
    static let maximumUnanswered = 64

    private let events: AsyncStream<MQTTConnectionEvent>.Continuation
    private var context: ChannelHandlerContext?
    /// Set once CONNECT was accepted: from then on telemetry stays on the event loop.
    private var device: (session: DeviceSession, owner: DeviceTopicOwner)?
    private var acknowledgements = MQTTAcknowledgementQueue()
    /// Telemetry of the current socket read, submitted together when the read is done (or before
    /// any other packet goes to the connection task, which must see it submitted).
    private var batch: [DeviceMessage] = []
    /// Packets given to the connection task and not yet handled by it.
    private var packetsWithTask = 0
    /// Whether the oldest telemetry will call back when committed.
    private var watchingOldest = false
    /// A read NIO asked for while too many packets were unanswered.
    private var readHeld = false
    private var inboundEnded = false

    init(events: AsyncStream<MQTTConnectionEvent>.Continuation) {
        self.events = events
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        endInbound(nil)
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let packet = unwrapInboundIn(data)
        if case .publish(let publish) = packet, let device, publish.qos != .exactlyOnce,
            case .telemetry(let bag) = DevicePublishTopic(publish.topic, owner: device.owner)
        {
            // Committed with the rest of this read and other connections' messages; the PUBACK
            // follows once durable, while this connection's next packets are already being read.
            batch.append(DeviceMessage(telemetry: publish, bag: bag))
            acknowledgements.append(packetId: publish.packetId, waitingFor: .submitting)
            return
        }
        // What the task does next (a DISCONNECT, a twin request) comes after the telemetry read
        // before it, and the batch's acknowledgements are the queue's last entries when it goes.
        submitBatch()
        if case .publish(let publish) = packet {
            acknowledgements.append(packetId: publish.packetId, waitingFor: .connectionTask)
        }
        passToTask(packet)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if submitBatch() { acknowledgeSettled() }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let packet = unwrapOutboundIn(data)
        var buffer = context.channel.allocator.buffer(capacity: 64)
        packet.write(to: &buffer)
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        endInbound(nil)
        context.fireChannelInactive()
    }

    /// A decoding error (the connection task answers an unsupported protocol level with its
    /// CONNACK) or a transport error: the connection ends either way.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        endInbound(error)
    }

    func read(context: ChannelHandlerContext) {
        if unanswered >= Self.maximumUnanswered {
            readHeld = true
        } else {
            context.read()
        }
    }

    // MARK: - Called by the connection task, on the event loop

    /// CONNECT was accepted for `session`: telemetry from now on is handled here.
    func attach(_ session: DeviceSession, owner: DeviceTopicOwner) {
        device = (session, owner)
    }

    /// The connection task handled a packet it was given; for a PUBLISH, `acknowledgement` says
    /// what its PUBACK waits for (`nil` when it was not a PUBLISH).
    func connectionTaskHandled(publish acknowledgement: MQTTAcknowledgementQueue.Wait?) {
        packetsWithTask -= 1
        if let acknowledgement {
            acknowledgements.connectionTaskFinished(acknowledgement)
            acknowledgeSettled()
        } else {
            resumeReading()
        }
    }

    // MARK: - Private

    private var unanswered: Int { acknowledgements.count + packetsWithTask }

    private func passToTask(_ packet: MQTTPacket) {
        packetsWithTask += 1
        events.yield(.packet(packet))
    }

    /// Submits the telemetry gathered from the current read as one batch; returns whether there
    /// was any.
    @discardableResult
    private func submitBatch() -> Bool {
        guard !batch.isEmpty, let device else { return false }
        let telemetry = device.session.submit(batch: batch)
        batch.removeAll(keepingCapacity: true)
        acknowledgements.submitted(telemetry)
        return true
    }

    private func endInbound(_ error: (any Error)?) {
        guard !inboundEnded else { return }
        // Messages read before the end arrived on a live connection: they are committed.
        submitBatch()
        inboundEnded = true
        events.yield(.inboundEnded(error))
    }

    /// Sends the PUBACKs of the settled publishes at the front, with one flush, and arranges to
    /// be called again when the oldest telemetry still committing is settled.
    private func acknowledgeSettled() {
        guard let context, !inboundEnded else { return }
        var pubacks: ByteBuffer?
        let capacity = 4 * acknowledgements.count
        let stop = acknowledgements.acknowledgeSettled { packetId in
            if pubacks == nil { pubacks = context.channel.allocator.buffer(capacity: capacity) }
            pubacks?.writeMQTTPacket(.puback(packetId: packetId))
        }
        if let pubacks { context.writeAndFlush(wrapOutboundOut(pubacks), promise: nil) }
        switch stop {
        case .refused:
            context.close(promise: nil)
            return
        case .committing(let telemetry) where !watchingOldest:
            watchingOldest = true
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            let loop = context.eventLoop
            telemetry.whenSettled {
                loop.execute {
                    handler.value.watchingOldest = false
                    handler.value.acknowledgeSettled()
                }
            }
        case .committing, .submitting, .connectionTask, .empty:
            break
        }
        resumeReading()
    }

    private func resumeReading() {
        guard readHeld, unanswered < Self.maximumUnanswered, let context else { return }
        readHeld = false
        context.read()
    }
}

extension MQTTConnectionHandler {
    /// The handler as the connection task reaches it: each call hops to the channel's event loop.
    struct Handle: Sendable {
        private let handler: NIOLoopBound<MQTTConnectionHandler>
        private let loop: any EventLoop

        /// Must be made on the channel's event loop.
        init(_ handler: MQTTConnectionHandler, loop: any EventLoop) {
            self.handler = NIOLoopBound(handler, eventLoop: loop)
            self.loop = loop
        }

        func attach(_ session: DeviceSession, owner: DeviceTopicOwner) {
            let handler = self.handler
            loop.execute { handler.value.attach(session, owner: owner) }
        }

        func connectionTaskHandled(publish acknowledgement: MQTTAcknowledgementQueue.Wait?) {
            let handler = self.handler
            loop.execute { handler.value.connectionTaskHandled(publish: acknowledgement) }
        }
    }
}
