import Foundation
import HubEngine
import JSONValue
import MQTTCodec
import Testing
@testable import WireProtocols

@Suite struct MQTTSessionTests {
    static let desired = MQTTSubscribe.Subscription(topicFilter: "$iothub/twin/PATCH/properties/desired/#", qos: .atLeastOnce)

    /// A connected `d1` subscribed to desired-property patches.
    static func subscribedToDesired(_ fixture: MQTTServerFixture) async throws -> MQTTTestClient {
        let (client, _) = try await fixture.connectedClient()
        try await client.send(.subscribe(MQTTSubscribe(packetId: 1, subscriptions: [desired])))
        #expect(try await client.receive() == .suback(MQTTSubAck(packetId: 1, returnCodes: [.granted(.atLeastOnce)])))
        return client
    }

    @Test func subscriptionsSurviveAReconnectWithoutCleanSession() async throws {
        try await MQTTServerFixture.with { fixture in
            try await Self.subscribedToDesired(fixture).close()

            // The Python SDK never subscribes again after a reconnect (reference §4.2).
            let (second, connack) = try await fixture.connectedClient()
            #expect(connack == MQTTConnAck(sessionPresent: true, returnCode: .accepted))
            _ = try await fixture.hub.updateTwin(of: "d1", patch: ["properties": ["desired": ["x": 1]]], ifMatch: nil)
            guard case .publish(let patch) = try await second.receive() else { Issue.record("no desired patch"); return }
            #expect(patch.topic == "$iothub/twin/PATCH/properties/desired/?$version=2")
        }
    }

    @Test func subscriptionsSurviveAServerRestartAndGoWithTheHub() async throws {
        try await MQTTServerFixture.with { fixture in
            try await Self.subscribedToDesired(fixture).close()
            try await fixture.server.stop()

            let restarted = try await fixture.anotherServer()
            do {
                let (client, connack) = try await fixture.connectedClient(to: restarted)
                #expect(connack == MQTTConnAck(sessionPresent: true, returnCode: .accepted))
                _ = try await fixture.hub.updateTwin(of: "d1", patch: ["properties": ["desired": ["x": 1]]], ifMatch: nil)
                guard case .publish(let patch) = try await client.receive() else { Issue.record("no desired patch"); return }
                #expect(patch.topic == "$iothub/twin/PATCH/properties/desired/?$version=2")
                await client.close()

                try await fixture.cloud.deleteHub(named: MQTTServerFixture.hubName)
                let scope = IoTHub.storageScope(forHub: MQTTServerFixture.hubName)
                #expect(try fixture.workspace.read { try $0.records(scope: scope, collection: MQTTSessionStore.collection) }.isEmpty)
            } catch {
                try await restarted.stop()
                throw error
            }
            try await restarted.stop()
        }
    }

    @Test func aCleanSessionStartsWithNoSubscriptions() async throws {
        try await MQTTServerFixture.with { fixture in
            try await Self.subscribedToDesired(fixture).close()

            let (second, connack) = try await fixture.connectedClient(cleanSession: true)
            #expect(connack == MQTTConnAck(sessionPresent: false, returnCode: .accepted))
            #expect(await fixture.hub.subscriptions(of: MessageSender(deviceId: "d1")) == [])
            await second.close()
        }
    }

    @Test func aQoS2SubscriptionIsGrantedQoS1() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.subscribe(MQTTSubscribe(packetId: 4, subscriptions: [.init(topicFilter: "$iothub/methods/POST/#", qos: .exactlyOnce)])))
            #expect(try await client.receive() == .suback(MQTTSubAck(packetId: 4, returnCodes: [.granted(.atLeastOnce)])))
        }
    }

    @Test func subscribingToAnotherDevicesTopicClosesTheConnection() async throws {
        try await MQTTServerFixture.with(devices: ["d1", "d2"]) { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.subscribe(MQTTSubscribe(packetId: 5, subscriptions: [.init(topicFilter: "devices/d2/messages/devicebound/#", qos: .atLeastOnce)])))
            #expect(try await client.receiveUntilClosed() == [])
        }
    }

    @Test func unsubscribedTopicsAreNotDelivered() async throws {
        try await MQTTServerFixture.with { fixture in
            let client = try await Self.subscribedToDesired(fixture)
            try await client.send(.unsubscribe(MQTTUnsubscribe(packetId: 2, topicFilters: [Self.desired.topicFilter])))
            #expect(try await client.receive() == .unsuback(packetId: 2))
            _ = try await fixture.hub.updateTwin(of: "d1", patch: ["properties": ["desired": ["x": 1]]], ifMatch: nil)
            try await client.send(.pingreq)
            #expect(try await client.receive() == .pingresp)
        }
    }
}
