import Foundation
import HubEngine
import JSONValue
import MQTTCodec
import Testing

@Suite struct MQTTTwinAndMethodTests {
    @Test func aTwinGetIsAnsweredEvenBeforeTheDeviceSubscribed() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.publish(MQTTPublish(topic: "$iothub/twin/GET/?$rid=42", payload: [0x20], qos: .atLeastOnce, packetId: 1)))
            guard case .publish(let response) = try await client.receive() else { Issue.record("no twin response"); return }
            #expect(response.topic == "$iothub/twin/res/200/?$rid=42")
            let twin = try JSONValue(parsing: response.payload)
            #expect(twin["desired"]?["$version"] == 1)
            #expect(twin["reported"]?["$version"] == 1)
            #expect(try await client.receive() == .puback(packetId: 1))
        }
    }

    @Test func aReportedPatchIsAnswered204WithTheNewVersion() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.subscribe(MQTTSubscribe(packetId: 1, subscriptions: [.init(topicFilter: "$iothub/twin/res/#", qos: .atLeastOnce)])))
            #expect(try await client.receive() == .suback(MQTTSubAck(packetId: 1, returnCodes: [.granted(.atLeastOnce)])))
            try await client.send(.publish(MQTTPublish(topic: "$iothub/twin/PATCH/properties/reported/?$rid=r1", payload: Array(#"{"fw":"1.2"}"#.utf8), qos: .atLeastOnce, packetId: 2)))
            #expect(try await client.receive() == .publish(MQTTPublish(topic: "$iothub/twin/res/204/?$rid=r1&$version=2")))
            #expect(try await client.receive() == .puback(packetId: 2))
            #expect(try await fixture.hub.twin(of: "d1")["properties"]?["reported"]?["fw"] == "1.2")
        }
    }

    @Test func aReportedPatchThatIsNotAnObjectIsAnswered400() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.publish(MQTTPublish(topic: "$iothub/twin/PATCH/properties/reported/?$rid=r2", payload: Array("[1]".utf8), qos: .atLeastOnce, packetId: 3)))
            guard case .publish(let response) = try await client.receive() else { Issue.record("no twin response"); return }
            #expect(response.topic == "$iothub/twin/res/400/?$rid=r2")
            #expect(try JSONValue(parsing: response.payload)["errorCode"] == 400004)
        }
    }

    @Test func aDesiredPatchIsPushedWithItsVersionInTheBody() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.subscribe(MQTTSubscribe(packetId: 1, subscriptions: [.init(topicFilter: "$iothub/twin/PATCH/properties/desired/#", qos: .atLeastOnce)])))
            _ = try await client.receive()
            _ = try await fixture.hub.updateTwin(of: "d1", patch: ["properties": ["desired": ["interval": 5]]], ifMatch: nil)
            guard case .publish(let patch) = try await client.receive() else { Issue.record("no desired patch"); return }
            #expect(patch.topic == "$iothub/twin/PATCH/properties/desired/?$version=2")
            #expect(try JSONValue(parsing: patch.payload) == ["interval": 5, "$version": 2])
        }
    }

    @Test func aDirectMethodMakesTheRoundTrip() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await client.send(.subscribe(MQTTSubscribe(packetId: 1, subscriptions: [.init(topicFilter: "$iothub/methods/POST/#", qos: .atLeastOnce)])))
            _ = try await client.receive()
            let hub = fixture.hub
            async let result = hub.invokeMethod(DirectMethodCall(methodName: "reboot", payload: ["delay": 1]), onDevice: "d1")
            guard case .publish(let request) = try await client.receive() else { Issue.record("no method request"); return }
            #expect(request.topic.hasPrefix("$iothub/methods/POST/reboot/?$rid="))
            #expect(try JSONValue(parsing: request.payload) == ["delay": 1])
            let rid = String(request.topic.split(separator: "=").last ?? "")
            try await client.send(.publish(MQTTPublish(topic: "$iothub/methods/res/200/?$rid=\(rid)", payload: Array(#"{"ok":true}"#.utf8), qos: .atLeastOnce, packetId: 2)))
            #expect(try await client.receive() == .puback(packetId: 2))
            let answer = try await result
            #expect(answer.status == 200)
            #expect(answer.payload == ["ok": true])
        }
    }

    @Test func aCloudToDeviceMessageArrivesWithAnEncodedBagAndItsPubackCompletesIt() async throws {
        try await MQTTServerFixture.with { fixture in
            let (client, _) = try await fixture.connectedClient()
            try await fixture.hub.sendCloudToDevice(
                CloudToDeviceMessage(body: [7], properties: ["a/b": "c&d"], messageId: "m1", contentType: "application/json", acknowledgement: .full), to: "d1")
            try await client.send(.subscribe(MQTTSubscribe(packetId: 1, subscriptions: [.init(topicFilter: "devices/d1/messages/devicebound/#", qos: .atLeastOnce)])))
            #expect(try await client.receive() == .suback(MQTTSubAck(packetId: 1, returnCodes: [.granted(.atLeastOnce)])))
            guard case .publish(let delivery) = try await client.receive() else { Issue.record("no cloud-to-device message"); return }
            #expect(delivery.topic.hasPrefix("devices/d1/messages/devicebound/%24.mid=m1&%24.to=%2Fdevices%2Fd1%2Fmessages%2FdeviceBound&%24.ct=application%2Fjson&%24.exp="))
            #expect(delivery.topic.hasSuffix("&iothub-ack=full&a%2Fb=c%26d"))
            #expect(delivery.qos == .atLeastOnce)
            #expect(delivery.payload == [7])
            #expect(try await fixture.hub.cloudToDeviceQueueDepth(deviceId: "d1") == 1)
            try await client.send(.puback(packetId: try #require(delivery.packetId)))
            try await client.send(.pingreq)
            #expect(try await client.receive() == .pingresp)
            #expect(try await fixture.hub.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
        }
    }
}
