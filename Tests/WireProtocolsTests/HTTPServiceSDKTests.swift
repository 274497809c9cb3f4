import Foundation
import HubEngine
import JSONValue
import Testing

/// The real `azure-iot-hub` 2.7.0 service SDK against the HTTPS front door over TLS, trusting
/// the workspace CA through `REQUESTS_CA_BUNDLE`, as a learner's code would.
@Suite struct HTTPServiceSDKTests {
    @Test func registryTwinQueryAndMethodCallsBehaveAsOnAzure() async throws {
        guard let python = MQTTPythonScript.locate() else { return }
        try await HTTPServerFixture.run(tls: true) { fixture in
            // A device that answers direct methods, connected in-process.
            try await fixture.register("online-1")
            let session = try await fixture.hub.connect(MessageSender(deviceId: "online-1"))
            try await session.subscribe([.methods])
            let responder = Task {
                for await delivery in session.deliveries {
                    if case .methodRequest(let request) = delivery {
                        try await session.respond(to: request, status: 200, payload: ["got": request.payload])
                    }
                }
            }
            let results = try await python.run(
                Self.script, arguments: [try fixture.serviceConnectionString(), try #require(fixture.caFile).path])
            responder.cancel()
            await session.disconnect()
            Self.check(results)
        }
    }

    /// What each step of `script` must have seen.
    static func check(_ results: JSONValue) {
        #expect(results["created"] == "sdk-1")
        #expect(results["duplicate"] == 409)
        #expect(results["etagMatches"] == true)
        #expect(results["updatedStatus"] == "disabled")
        #expect(results["patchedTags"] == ["floor": 2])
        #expect(results["patchedDesired"] == 1)
        #expect(results["stalePatch"] == 412)
        #expect(results["replacedTags"] == ["room": 7])
        #expect(results["firstPage"] == 2)
        #expect(results["hasContinuation"] == true)
        #expect(results["secondPage"] == 2)
        #expect(results["lastContinuation"] == .null)
        #expect(results["method"] == ["status": 200, "payload": ["got": ["delay": 3]]])
        #expect(results["offline"] == 404)
        #expect(results["deleted"] == 404)
        #expect(results["statistics"] == 4)
        #expect(results["digitalTwin"] == 42)
        #expect(results["command"] == ["got": "since"])
    }

    /// Each step records what the SDK returned, or the HTTP status it raised.
    static let script = #"""
        import json, os, sys
        os.environ["REQUESTS_CA_BUNDLE"] = sys.argv[2]
        from azure.iot.hub import IoTHubRegistryManager, DigitalTwinClient
        from azure.iot.hub.models import Twin, TwinProperties, QuerySpecification, CloudToDeviceMethod
        from msrest.exceptions import HttpOperationError

        def status(call):
            try:
                call()
                return "no error"
            except HttpOperationError as error:
                return error.response.status_code

        rm = IoTHubRegistryManager.from_connection_string(sys.argv[1])
        out = {}
        created = rm.create_device_with_sas("sdk-1", None, None, "enabled")
        out["created"] = created.device_id
        out["duplicate"] = status(lambda: rm.create_device_with_sas("sdk-1", None, None, "enabled"))
        got = rm.get_device("sdk-1")
        out["etagMatches"] = got.etag == created.etag
        out["updatedStatus"] = rm.update_device_with_sas("sdk-1", got.etag, None, None, "disabled").status

        twin = rm.get_twin("sdk-1")
        patched = rm.update_twin("sdk-1", Twin(tags={"floor": 2}, properties=TwinProperties(desired={"x": 1})), twin.etag)
        out["patchedTags"] = patched.tags
        out["patchedDesired"] = patched.properties.desired["x"]
        out["stalePatch"] = status(lambda: rm.update_twin("sdk-1", Twin(tags={"floor": 3}), twin.etag))
        out["replacedTags"] = rm.replace_twin("sdk-1", Twin(tags={"room": 7}), patched.etag).tags

        for index in range(2):
            rm.create_device_with_sas("q-%d" % index, None, None, "enabled")
        spec = QuerySpecification(query="SELECT * FROM devices")
        first = rm.query_iot_hub(spec, None, 2)
        out["firstPage"] = len(first.items)
        out["hasContinuation"] = first.continuation_token is not None
        second = rm.query_iot_hub(spec, first.continuation_token, 2)
        out["secondPage"] = len(second.items)
        out["lastContinuation"] = second.continuation_token

        result = rm.invoke_device_method("online-1", CloudToDeviceMethod(method_name="reboot", payload={"delay": 3}, response_timeout_in_seconds=10))
        out["method"] = {"status": result.status, "payload": result.payload}
        out["offline"] = status(lambda: rm.invoke_device_method("q-0", CloudToDeviceMethod(method_name="reboot", payload=None, response_timeout_in_seconds=10)))
        out["statistics"] = rm.get_device_registry_statistics().total_device_count

        twins = DigitalTwinClient.from_connection_string(sys.argv[1])
        twins.update_digital_twin("q-1", [{"op": "add", "path": "/targetTemperature", "value": 42}])
        out["digitalTwin"] = twins.get_digital_twin("q-1")["$metadata"]["targetTemperature"]["desiredValue"]
        out["command"] = twins.invoke_component_command("online-1", "thermostat1", "getMaxMinReport", "since", 5, 10)
        rm.delete_device("sdk-1")
        out["deleted"] = status(lambda: rm.get_device("sdk-1"))
        print(json.dumps(out))
        """#
}
