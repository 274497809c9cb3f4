import HubEngine
import MQTTCodec
import NIOCore

/// One client connection of the IoT Hub MQTT front door, from CONNECT to close.
///
/// Packets from the client and deliveries from the hub are merged into one stream of events and
/// handled one at a time, so the state below (subscriptions, packets in flight, pending method
/// requests) needs no lock, and a publish is acknowledged only after the hub has finished with it
/// (telemetry is durable before its PUBACK, as IoT Hub acknowledges).
final class MQTTDeviceConnection {
    /// What handling an event asks of the loop.
    enum Next {
        case proceed
        /// The client is connected: start forwarding the session's deliveries.
        case listen(DeviceSession)
        case close
    }

    let channel: any Channel
    let outbound: NIOAsyncChannelOutboundWriter<MQTTPacket>
    let server: MQTTServerContext

    /// Set once CONNECT was accepted.
    var session: DeviceSession?
    var owner = DeviceTopicOwner(deviceId: "", moduleId: nil)
    /// `hubName/clientId`, the key of the persistent session; `nil` for a clean session.
    var persistentKey: String?
    var subscriptions: [DeviceSubscriptionTopic: MQTTQoS] = [:]
    var will: MQTTConnect.Will?
    /// Set when the client said DISCONNECT, which discards its will (MQTT §3.14.4).
    var disconnectedCleanly = false
    /// Cloud-to-device messages sent at QoS 1 and not yet acknowledged: packet id → lock token.
    var cloudToDeviceInFlight: [UInt16: String] = [:]
    var lastPacketId: UInt16 = 0
    /// Method requests sent and not yet answered, by `$rid`.
    var methodRequests: [String: MethodRequest] = [:]
    /// Telemetry submitted to the hub whose PUBACK waits for it to be durable.
    let acknowledgements = MQTTAcknowledgementQueue()
    /// Set when CONNECT named a DPS registration: that connection handles every later packet.
    var provisioning: ProvisioningMQTTConnection?

    init(channel: any Channel, outbound: NIOAsyncChannelOutboundWriter<MQTTPacket>, server: MQTTServerContext) {
        self.channel = channel
        self.outbound = outbound
        self.server = server
    }

    /// How many packets the client may have read ahead of the one being handled: more than
    /// paho's 20 publishes in flight, and few enough that a client that floods the connection
    /// is held back by TCP instead of filling the server's memory.
    static let readAhead = 32

    /// Runs the connection until either side ends it, then disconnects the session.
    func run(inbound: NIOAsyncChannelInboundStream<MQTTPacket>) async {
        let (events, continuation) = AsyncStream.makeStream(of: MQTTConnectionEvent.self)
        // One credit per packet the reader may pass on; the loop returns one per packet handled.
        let (credits, creditSource) = AsyncStream.makeStream(of: Void.self)
        for _ in 0..<Self.readAhead { creditSource.yield() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [outbound, channel, acknowledgements] in
                // PUBACKs in the order the publishes arrived (MQTT 3.1.1 §4.6), those of one group
                // commit in one write; telemetry the hub refuses closes the connection, since MQTT
                // cannot say why.
                while let batch = await acknowledgements.nextBatch() {
                    var pubacks: [MQTTPacket] = []
                    for (acknowledgement, outcome) in batch {
                        guard case .success = outcome else {
                            if !pubacks.isEmpty { try? await outbound.write(contentsOf: pubacks) }
                            try? await channel.close()
                            return
                        }
                        if let packetId = acknowledgement.packetId { pubacks.append(.puback(packetId: packetId)) }
                    }
                    if !pubacks.isEmpty {
                        do { try await outbound.write(contentsOf: pubacks) } catch { return }
                    }
                }
            }
            group.addTask {
                var available = credits.makeAsyncIterator()
                do {
                    for try await packet in inbound {
                        guard await available.next() != nil else { return }
                        continuation.yield(.packet(packet))
                    }
                    continuation.yield(.inboundEnded(nil))
                } catch {
                    continuation.yield(.inboundEnded(error))
                }
            }
            events: for await event in events {
                let next = await handle(event)
                if case .packet = event { creditSource.yield() }
                switch next {
                case .proceed:
                    continue
                case .listen(let session):
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
            creditSource.finish()
            acknowledgements.finish()
            group.cancelAll()
        }
    }

    func handle(_ event: MQTTConnectionEvent) async -> Next {
        do {
            switch event {
            case .packet(let packet):
                return try await handle(packet)
            case .inboundEnded(let error):
                if session == nil, case .unsupportedProtocolLevel = error as? MQTTDecodingError {
                    try await outbound.write(.connack(MQTTConnAck(returnCode: .unacceptableProtocolVersion)))
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
            if let provisioning { return try await provisioning.handle(packet) }
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
            try await outbound.write(.pingresp)
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
