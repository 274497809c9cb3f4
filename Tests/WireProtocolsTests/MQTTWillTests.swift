import Foundation
import HubEngine
import MQTTCodec
import Testing

/// IoT Hub sends a will as telemetry marked `iothub-MessageType: Will` when the connection ends
/// without DISCONNECT. The server closes a violating connection only after its will is durable,
/// so a client that sees the close can read the endpoint at once.
@Suite struct MQTTWillTests {
    static func connect(_ fixture: MQTTServerFixture, will: MQTTConnect.Will) async throws -> MQTTTestClient {
        let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
        guard case .connect(var connect) = try await fixture.connectPacket(deviceId: "d1", password: fixture.token(deviceId: "d1")) else {
            throw MQTTTestClient.Timeout()
        }
        connect.will = will
        try await client.send(.connect(connect))
        #expect(try await client.receive() == .connack(MQTTConnAck(returnCode: .accepted)))
        return client
    }

    @Test func aConnectionEndedByAViolationSendsItsWill() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await Self.connect(fixture, will: .init(topic: "devices/d1/messages/events/reason=lost", payload: Array("gone".utf8)))
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [], qos: .exactlyOnce, packetId: 1)))
            #expect(try await client.receiveUntilClosed() == [])
            let will = try #require(try fixture.builtInMessages().first)
            #expect(will.body == Array("gone".utf8))
            #expect(will.applicationProperties["reason"] == "lost")
            #expect(will.applicationProperties["iothub-MessageType"] == "Will")
        }
    }

    @Test func disconnectDiscardsTheWill() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await Self.connect(fixture, will: .init(topic: "devices/d1/messages/events/", payload: Array("gone".utf8)))
            try await client.send(.disconnect)
            #expect(try await client.receiveUntilClosed() == [])
            #expect(try fixture.builtInMessages().isEmpty)
        }
    }

    @Test func aWillOnAnotherTopicIsIgnored() async throws {
        try await MQTTServerFixture.with(devices: ["d1", "d2"]) { fixture in
            let client = try await Self.connect(fixture, will: .init(topic: "devices/d2/messages/events/", payload: Array("spoof".utf8)))
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [], qos: .exactlyOnce, packetId: 1)))
            #expect(try await client.receiveUntilClosed() == [])
            #expect(try fixture.builtInMessages().isEmpty)
        }
    }
}
