import HubEngine
import MQTTCodec
import NIOCore

/// One client connection of the IoT Hub MQTT front door, from CONNECT to close: the task that
/// handles what needs the hub actor or the connection's own state.
///
/// Telemetry is submitted and acknowledged on the event loop by `MQTTConnectionHandler`; the
/// packets it passes on and the hub's deliveries are merged into one stream of events and handled
/// one at a time, so the state below (subscriptions, packets in flight, pending method requests)
/// needs no lock, and a publish is acknowledged only after the hub has finished with it.
final class MQTTDeviceConnection {
    /// What handling an event asks of the loop.
    enum Next {
        case proceed
        /// The client is connected: start forwarding the session's deliveries.
        case listen(DeviceSession)
        case close
    }

    let channel: any Channel
    let handler: MQTTConnectionHandler.Handle
    let server: MQTTServerContext

    /// Set once CONNECT was accepted.
    var session: DeviceSession?
    var owner = DeviceTopicOwner(deviceId: "", moduleId: nil)
    /// The hub and client id of the persistent session; `nil` for a clean session.
    var persistentKey: MQTTSessionStore.Key?
    var subscriptions: [DeviceSubscriptionTopic: MQTTQoS] = [:]
    var will: MQTTConnect.Will?
    /// Set when the client said DISCONNECT, which discards its will (MQTT §3.14.4).
    var disconnectedCleanly = false
    /// Cloud-to-device messages sent at QoS 1 and not yet acknowledged: packet id → lock token.
    var cloudToDeviceInFlight: [UInt16: String] = [:]
    var lastPacketId: UInt16 = 0
    /// Method requests sent and not yet answered, by `$rid`.
    var methodRequests: [String: MethodRequest] = [:]
    /// Set by handling a PUBLISH: what its PUBACK waits for, handed to the event loop's handler.
    var publishAcknowledgement: MQTTAcknowledgementQueue.Wait?
    /// Set when CONNECT named a DPS registration: that connection handles every later packet.
    var provisioning: ProvisioningMQTTConnection?

    init(channel: any Channel, handler: MQTTConnectionHandler.Handle, server: MQTTServerContext) {
        self.channel = channel
        self.handler = handler
        self.server = server
    }

    /// Runs the connection until either side ends it, then disconnects the session.
    ///
    /// - Parameters:
    ///   - events: what the handler passes on (`continuation` is its other end), and the
    ///     session's deliveries once connected.
    func run(events: AsyncStream<MQTTConnectionEvent>, continuation: AsyncStream<MQTTConnectionEvent>.Continuation) async {
        await withTaskGroup(of: Void.self) { group in
            events: for await event in events {
                let next = await handle(event)
                if case .packet = event {
                    handler.connectionTaskHandled(publish: publishAcknowledgement)
                    publishAcknowledgement = nil
                }
                switch next {
                case .proceed:
                    continue
                case .listen(let session):
                    handler.attach(session, owner: owner)
                    group.addTask {
                        for await delivery in session.deliveries { continuation.yield(.delivery(delivery)) }
                    }
                case .close:
                    break events
                }
            }
            await finish()
            try? await channel.close()
            continuation.finish()
            group.cancelAll()
        }
    }

    /// Writes a packet and waits until it is handed to the socket.
    func send(_ packet: MQTTPacket) async throws {
        try await channel.writeAndFlush(packet)
    }

    func handle(_ event: MQTTConnectionEvent) async -> Next {
        do {
            switch event {
            case .packet(let packet):
                return try await handle(packet)
            case .inboundEnded(let error):
                if session == nil, case .unsupportedProtocolLevel = error as? MQTTDecodingError {
                    try await send(.connack(MQTTConnAck(returnCode: .unacceptableProtocolVersion)))
                }
                return .close
            case .delivery(let delivery):
                return try await handle(delivery)
            }
        } catch {
            // A write to a closed channel, or a hub call on a session that has ended.
            return .close
        }
    }

    func handle(_ packet: MQTTPacket) async throws -> Next {
        guard let session else {
            if let provisioning {
                let next = try await provisioning.handle(packet)
                if case .publish = packet, case .proceed = next { publishAcknowledgement = .acknowledgedByConnectionTask }
                return next
            }
            guard case .connect(let connect) = packet else { return .close }
            return try await accept(connect)
        }
        switch packet {
        case .publish(let publish):
            return try await receive(publish, in: session)
        case .puback(let packetId):
            if let lockToken = cloudToDeviceInFlight.removeValue(forKey: packetId) {
                try? await session.complete(lockToken: lockToken)
            }
            return .proceed
        case .subscribe(let subscribe):
            return try await self.subscribe(subscribe, in: session)
        case .unsubscribe(let unsubscribe):
            return try await self.unsubscribe(unsubscribe)
        case .pingreq:
            try await send(.pingresp)
            return .proceed
        case .disconnect:
            disconnectedCleanly = true
            return .close
        case .connect, .connack, .pubrec, .pubrel, .pubcomp, .suback, .unsuback, .pingresp:
            // A second CONNECT (§3.1.0-2), QoS 2 flow IoT Hub does not support, or a packet only
            // a server sends.
            return .close
        }
    }

    /// Sends the will if the client went away without DISCONNECT, and ends the hub session.
    func finish() async {
        guard let session else { return }
        if !disconnectedCleanly, let will, case .telemetry(let bag) = DevicePublishTopic(will.topic, owner: owner) {
            var message = DeviceMessage(body: will.payload, bag: bag)
            message.applicationProperties["iothub-MessageType"] = "Will"
            _ = try? await session.send(message)
        }
        await session.disconnect()
    }
}
