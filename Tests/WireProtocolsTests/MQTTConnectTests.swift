import Foundation
import HubEngine
import IoTSecurity
import LocalCloud
import MQTTCodec
import NIOCore
import NIOPosix
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
            // The refusal and its cause are in the journal.
            let refusal = try #require(try fixture.workspace.journal(after: 0, limit: 100).last { $0.kind == "AuthenticationFailed" })
            #expect(refusal.subject == "d1")
            #expect(String(decoding: refusal.payload, as: UTF8.self).contains("signature"))
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

    /// The DPS front door answers it (`DPSMQTTTests`); a scope no DPS has is not authorized.
    @Test func aProvisioningUsernameForAnUnknownScopeGetsConnack5() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            try await client.send(.connect(MQTTConnect(clientId: "reg-1", username: "0ne00000001/registrations/reg-1/api-version=2019-03-31", password: Array("x".utf8))))
            #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .notAuthorized))])
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

    @Test func deletingTheDeviceClosesItsConnection() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await fixture.hub.deleteDevice("d1", ifMatch: nil)
            #expect(try await client.receiveUntilClosed() == [])
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

    @Test func stoppingTheServerClosesItsConnections() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await fixture.server.stop()
            #expect(try await client.receiveUntilClosed() == [])
        }
    }

    @Test func aConnectionHandedOverByAnotherListenerIsServed() async throws {
        try await MQTTServerFixture.with { fixture in
            // As the HTTPS listener hands over a WebSocket connection once upgraded.
            let server = fixture.server
            let other = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .childChannelInitializer { channel in server.configureConnection(channel) }
                .bind(host: "127.0.0.1", port: 0).get()
            let client = try await MQTTTestClient.connect(port: other.localAddress?.port ?? 0)
            try await client.send(fixture.connectPacket(deviceId: "d1", password: fixture.token(deviceId: "d1")))
            #expect(try await client.receive() == .connack(MQTTConnAck(returnCode: .accepted)))
            try await client.send(.disconnect)
            #expect(try await client.receiveUntilClosed() == [])
            try await other.close()
        }
    }

    @Test func aPolicyTokenWithDeviceConnectAndAnAliasHostAreAccepted() async throws {
        try await MQTTServerFixture.with { fixture in
            let policy = try await fixture.cloud.hub(named: MQTTServerFixture.hubName).policy(named: "device")
            // Signed for `localhost`, as a client without GatewayHostName names the host it dials.
            let token = SharedAccessSignature.token(
                resourceURI: "localhost/devices/d1", key: try SymmetricKey(base64: policy.primaryKey), policyName: "device",
                expiry: fixture.tokenClock.now().addingTimeInterval(600))
            let client = try await MQTTTestClient.connect(port: fixture.server.localPort)
            try await client.send(.connect(MQTTConnect(clientId: "d1", username: "localhost/d1/?api-version=2021-04-12", password: Array(token.utf8))))
            #expect(try await client.receive() == .connack(MQTTConnAck(returnCode: .accepted)))
            try await client.send(.publish(MQTTPublish(topic: "devices/d1/messages/events/", payload: [1], qos: .atLeastOnce, packetId: 1)))
            #expect(try await client.receive() == .puback(packetId: 1))
            #expect(try fixture.builtInMessages().first?.systemProperties.connectionAuthMethod?.contains(#""issuer":"hub""#) == true)
        }
    }
}
