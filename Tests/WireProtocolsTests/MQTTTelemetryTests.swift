import Foundation
import HubEngine
import MQTTCodec
import NIOCore
import Testing

@Suite struct MQTTTelemetryTests {
    @Test func telemetryWithAPropertyBagReachesTheBuiltInEndpointBeforeItsPuback() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            // What the Python SDK sends (reference §4.3).
            let topic = "devices/d1/messages/events/%24.mid=r-0&%24.cid=corr-0&%24.ct=application%2Fjson&%24.ce=utf-8&alert%20level=a%2Fb%3Dc%26d&run=r&seq=0"
            try await client.send(.publish(MQTTPublish(topic: topic, payload: Array(#"{"t":21}"#.utf8), qos: .atLeastOnce, packetId: 1)))
            #expect(try await client.receive() == .puback(packetId: 1))
            let messages = try fixture.builtInMessages()
            #expect(messages.count == 1)
            let message = try #require(messages.first)
            #expect(message.body == Array(#"{"t":21}"#.utf8))
            #expect(message.systemProperties.messageId == "r-0")
            #expect(message.systemProperties.correlationId == "corr-0")
            #expect(message.systemProperties.contentType == "application/json")
            #expect(message.systemProperties.contentEncoding == "utf-8")
            #expect(message.systemProperties.connectionDeviceId == "d1")
            #expect(Array(message.applicationProperties.keys) == ["alert level", "run", "seq"])
            #expect(message.applicationProperties["alert level"] == "a/b=c&d")
        }
    }

    @Test func rawClientsMaySendQoS0WithoutTrailingSlashOrWithALiteralContentType() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events", payload: [1])))
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/$.ct=application/json&$.ce=utf-8", payload: [2], qos: .atLeastOnce, packetId: 2)))
            #expect(try await client.receive() == .puback(packetId: 2))
            let messages = try fixture.builtInMessages()
            #expect(messages.map(\.body) == [[1], [2]])
            #expect(messages.last?.systemProperties.contentType == "application/json")
        }
    }

    @Test func aRetainedPublishIsMarkedMqttRetainAndNotKept() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [1], qos: .atLeastOnce, packetId: 3, retain: true)))
            #expect(try await client.receive() == .puback(packetId: 3))
            #expect(try fixture.builtInMessages().first?.applicationProperties["mqtt-retain"] == "true")
        }
    }

    @Test func aModuleSendsOnItsOwnTopic() async throws {
        try await MQTTServerFixture.with { fixture in
            _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "filter", deviceId: "d1"))
            let (client, connack) = try await fixture.connectedClient(moduleId: "filter")
            #expect(connack?.returnCode == .accepted)
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/modules/filter/messages/events/k=v", payload: [9], qos: .atLeastOnce, packetId: 4)))
            #expect(try await client.receive() == .puback(packetId: 4))
            let message = try #require(try fixture.builtInMessages().first)
            #expect(message.systemProperties.connectionModuleId == "filter")
            #expect(message.applicationProperties["k"] == "v")
        }
    }

    @Test func qos2ClosesTheConnectionAsIoTHubDoes() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [1], qos: .exactlyOnce, packetId: 5)))
            #expect(try await client.receiveUntilClosed() == [])
            #expect(try fixture.builtInMessages().isEmpty)
        }
    }

    @Test func publishingOnAnotherDevicesTopicClosesTheConnection() async throws {
        try await MQTTServerFixture.with(devices: ["d1", "d2"]) { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.publish(MQTTPublish(topic: "devices/d2/messages/events/", payload: [1], qos: .atLeastOnce, packetId: 6)))
            #expect(try await client.receiveUntilClosed() == [])
            #expect(try fixture.builtInMessages().isEmpty)
            // The journal says why the device was disconnected.
            let violation = try #require(try fixture.workspace.journal(after: 0, limit: 100).last { $0.kind == "ProtocolViolation" })
            #expect(violation.subject == "d1")
            #expect(String(decoding: violation.payload, as: UTF8.self).contains("devices/d2/messages/events/"))
        }
    }

    @Test func manyPublishesInFlightAreAcknowledgedInOrderAndKeepTheirOrder() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            // More than the server reads ahead, so it has to hold the client back and resume.
            for number in 1...100 {
                try await client.send(.publish(MQTTPublish(
                    topic: "devices/d1/messages/events/n=\(number)", payload: [UInt8(number)], qos: .atLeastOnce, packetId: UInt16(number))))
            }
            var acknowledged: [MQTTPacket] = []
            for _ in 1...100 { acknowledged.append(try #require(try await client.receive())) }
            #expect(acknowledged == (1...100).map { .puback(packetId: UInt16($0)) })
            #expect(try fixture.builtInMessages().count == 100)
            let fromPartition = try fixture.builtInMessages().map { $0.applicationProperties["n"] ?? "" }
            #expect(fromPartition == (1...100).map(String.init))
        }
    }

    @Test func aTwinPatchBetweenTelemetryIsAcknowledgedInItsPlace() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            // Telemetry is acknowledged where it is read, the twin patch by the connection's
            // task: the PUBACKs still follow the order of the publishes (MQTT 3.1.1 §4.6).
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [1], qos: .atLeastOnce, packetId: 1)))
            try await client.send(.publish(MQTTPublish(
                topic: "$iothub/twin/PATCH/properties/reported/?$rid=r1", payload: Array(#"{"fw":"1.2"}"#.utf8), qos: .atLeastOnce, packetId: 2)))
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [3], qos: .atLeastOnce, packetId: 3)))
            var received: [MQTTPacket] = []
            for _ in 1...4 { received.append(try #require(try await client.receive())) }
            #expect(received.filter { if case .puback = $0 { true } else { false } } == [.puback(packetId: 1), .puback(packetId: 2), .puback(packetId: 3)])
            #expect(received.contains(.publish(MQTTPublish(topic: "$iothub/twin/res/204/?$rid=r1&$version=2"))))
            #expect(try fixture.builtInMessages().map(\.body) == [[1], [3]])
        }
    }

    @Test func telemetryAndATwinPatchInOneWriteAreAcknowledgedInOrder() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            // One write, so one read on the server: the telemetry before the patch goes to the
            // hub as a batch before the patch goes to the connection's task, and after it a new one.
            let packets: [MQTTPacket] = [
                .publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [1], qos: .atLeastOnce, packetId: 1)),
                .publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [2], qos: .atMostOnce)),
                .publish(MQTTPublish(
                    topic: "$iothub/twin/PATCH/properties/reported/?$rid=r1", payload: Array(#"{"fw":"1.2"}"#.utf8), qos: .atLeastOnce, packetId: 2)),
                .publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [3], qos: .atLeastOnce, packetId: 3)),
            ]
            var bytes = ByteBuffer()
            for packet in packets { packet.write(to: &bytes) }
            try await client.sendRaw(Array(bytes.readableBytesView))
            var received: [MQTTPacket] = []
            for _ in 1...4 { received.append(try #require(try await client.receive())) }
            #expect(received.filter { if case .puback = $0 { true } else { false } } == [.puback(packetId: 1), .puback(packetId: 2), .puback(packetId: 3)])
            #expect(received.contains(.publish(MQTTPublish(topic: "$iothub/twin/res/204/?$rid=r1&$version=2"))))
            #expect(try fixture.builtInMessages().map(\.body) == [[1], [2], [3]])
        }
    }

    @Test func telemetrySentRightBehindConnectIsCommittedAndAcknowledged() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            // No wait for CONNACK: the publish may be read before the connection is set up.
            try await client.send(fixture.connectPacket(deviceId: "d1", password: try await fixture.token(deviceId: "d1")))
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [1], qos: .atLeastOnce, packetId: 1)))
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [2], qos: .atLeastOnce, packetId: 2)))
            #expect(try await client.receive() == .connack(MQTTConnAck(returnCode: .accepted)))
            #expect(try await client.receive() == .puback(packetId: 1))
            #expect(try await client.receive() == .puback(packetId: 2))
            #expect(try fixture.builtInMessages().map(\.body) == [[1], [2]])
        }
    }

    @Test func aPacketAnnouncedOverTheLimitClosesTheConnectionBeforeItsBodyArrives() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            // A PUBLISH announcing 294,912 bytes (over 256 KB + 16 KB), and none of them sent.
            try await client.sendRaw([0x30, 0x80, 0x80, 0x12])
            #expect(try await client.receiveUntilClosed() == [])
        }
    }
}
