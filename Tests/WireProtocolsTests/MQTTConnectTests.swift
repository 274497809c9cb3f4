import Foundation
import HubEngine
import MQTTCodec
import Testing

@Suite struct MQTTConnectTests {
    @Test func aDeviceWithItsSASTokenIsAcceptedAndShowsConnected() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, connack) = try await fixture.connectedClient()
            #expect(connack == MQTTConnAck(sessionPresent: false, returnCode: .accepted))
            #expect(try await fixture.hub.device("d1").connectionState == .connected)
            try await client.send(.disconnect)
            #expect(try await client.receiveUntilClosed() == [])
            #expect(try await fixture.hub.device("d1").connectionState == .disconnected)
        }
    }

    @Test func aTokenSignedWithTheWrongKeyGetsConnack5() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            let wrong = try await fixture.token(deviceId: "d1", key: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
            try await client.send(fixture.connectPacket(deviceId: "d1", password: wrong))
            #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .notAuthorized))])
        }
    }

    @Test func aTokenExpiredByTheTokenClockGetsConnack5() async throws {
        try await MQTTServerFixture.with { fixture in
            let token = try await fixture.token(deviceId: "d1", lifetime: 60)
            fixture.tokenClock.advance(by: 61)
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            try await client.send(fixture.connectPacket(deviceId: "d1", password: token))
            #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .notAuthorized))])
        }
    }

    @Test func anUnknownDeviceGetsConnack5() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            let token = try await fixture.token(deviceId: "ghost", key: fixture.hub.device("d1").authentication.primaryKey)
            try await client.send(fixture.connectPacket(deviceId: "ghost", password: token))
            #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .notAuthorized))])
        }
    }

    @Test func aProvisioningUsernameGetsConnack3() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            try await client.send(.connect(MQTTConnect(clientId: "reg-1", username: "0ne00000001/registrations/reg-1/api-version=2019-03-31", password: Array("x".utf8))))
            #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .serverUnavailable))])
        }
    }

    @Test func aClientIdThatIsNotTheUsernamesDeviceGetsConnack2() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            guard case .connect(var connect) = try await fixture.connectPacket(deviceId: "d1", password: fixture.token(deviceId: "d1")) else { return }
            connect.clientId = "d2"
            try await client.send(.connect(connect))
            #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .identifierRejected))])
        }
    }

    @Test func mqtt31GetsConnack1() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            // CONNECT, protocol "MQTT" level 3, clean session, keep-alive 60, client id "d1".
            try await client.sendRaw([0x10, 0x0E, 0x00, 0x04] + Array("MQTT".utf8) + [0x03, 0x02, 0x00, 0x3C, 0x00, 0x02] + Array("d1".utf8))
            #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .unacceptableProtocolVersion))])
        }
    }

    @Test func anythingBeforeConnectClosesTheConnection() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            try await client.send(.pingreq)
            #expect(try await client.receiveUntilClosed() == [])
        }
    }

    @Test func garbageClosesTheConnection() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            try await client.sendRaw([0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
            #expect(try await client.receiveUntilClosed() == [])
        }
    }

    @Test func aSecondConnectionOfTheSameDeviceTakesOver() async throws {
        try await MQTTServerFixture.with { fixture in
            let (first, _) = try await fixture.connectedClient()
            let (second, connack) = try await fixture.connectedClient()
            #expect(connack?.returnCode == .accepted)
            #expect(try await first.receiveUntilClosed() == [])
            try await second.send(.pingreq)
            #expect(try await second.receive() == .pingresp)
            #expect(try await fixture.hub.device("d1").connectionState == .connected)
        }
    }

    @Test func disablingTheDeviceClosesItsConnection() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            var device = try await fixture.hub.device("d1")
            device.status = .disabled
            _ = try await fixture.hub.updateDevice(device, ifMatch: nil)
            #expect(try await client.receiveUntilClosed() == [])
        }
    }
}
