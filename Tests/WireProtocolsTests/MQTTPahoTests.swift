import Foundation
import JSONValue
import Testing

/// paho-mqtt 1.6.1, the client the Azure Python SDK is built on, used raw as reference §4.7
/// describes: clean session, QoS 0, no trailing slash, a literal `$.ct=` in the bag.
@Suite struct MQTTPahoTests {
    static let script = #"""
        import json, sys, threading
        import paho.mqtt.client as mqtt
        port, host, device, token = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
        result, connected, twin = {}, threading.Event(), threading.Event()
        def on_connect(client, userdata, flags, rc):
            result["rc"] = rc
            connected.set()
        def on_message(client, userdata, message):
            result["twinTopic"] = message.topic
            result["twin"] = json.loads(message.payload)
            twin.set()
        client = mqtt.Client(client_id=device, protocol=mqtt.MQTTv311, clean_session=True)
        client.username_pw_set(f"{host}/{device}/?api-version=2021-04-12", token)
        client.on_connect, client.on_message = on_connect, on_message
        client.connect("127.0.0.1", port, keepalive=30)
        client.loop_start()
        result["connected"] = connected.wait(60)
        if result.get("rc") == 0:
            client.publish(f"devices/{device}/messages/events", b"qos0", qos=0)
            info = client.publish(f"devices/{device}/messages/events/$.ct=application/json&k=v", b'{"a":1}', qos=1)
            info.wait_for_publish(60)
            result["pubacked"] = info.is_published()
            client.subscribe("$iothub/twin/res/#", qos=1)
            client.publish("$iothub/twin/GET/?$rid=paho-1", b" ", qos=0)
            result["twinReceived"] = twin.wait(60)
            client.disconnect()
        client.loop_stop()
        print(json.dumps(result))
        """#

    /// Runs the script against the fixture's server; `nil` (with a recorded issue) without Python.
    static func runPaho(_ fixture: MQTTServerFixture, token: String) async throws -> JSONValue? {
        guard let python = MQTTPythonScript.locate() else { return nil }
        return try await python.run(script, arguments: [String(fixture.server.localPort), MQTTServerFixture.hostName, "d1", token])
    }

    @Test func pahoConnectsSendsAndGetsItsTwin() async throws {
        try await MQTTServerFixture.with { fixture in
            guard let result = try await Self.runPaho(fixture, token: fixture.token(deviceId: "d1")) else { return }
            #expect(result["rc"] == 0)
            #expect(result["pubacked"] == true)
            #expect(result["twinReceived"] == true)
            #expect(result["twinTopic"] == "$iothub/twin/res/200/?$rid=paho-1")
            #expect(result["twin"]?["desired"]?["$version"] == 1)
            let messages = try fixture.builtInMessages()
            #expect(messages.map(\.body) == [Array("qos0".utf8), Array(#"{"a":1}"#.utf8)])
            #expect(messages.last?.systemProperties.contentType == "application/json")
            #expect(messages.last?.applicationProperties["k"] == "v")
        }
    }

    @Test func pahoWithABadKeyIsRefusedWithCode5() async throws {
        try await MQTTServerFixture.with { fixture in
            let token = try await fixture.token(deviceId: "d1", key: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
            guard let result = try await Self.runPaho(fixture, token: token) else { return }
            #expect(result["rc"] == 5)
        }
    }
}
