import Foundation
import HubEngine
import JSONValue
import Testing

/// `DigitalTwinClient`'s calls, served as views of the device twin.
@Suite struct HTTPDigitalTwinTests {
    @Test func patchIs202AndBecomesDesiredPropertiesShownInMetadata() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("pnp-1")
            _ = try await fixture.hub.updateReportedProperties(ofDevice: "pnp-1", module: nil, patch: ["temperature": 21])
            let patch: JSONValue = [
                ["op": "add", "path": "/targetTemperature", "value": 42],
                ["op": "add", "path": "/thermostat1/targetTemperature", "value": 7],
            ]
            let patched = try await fixture.service(.PATCH, "/digitaltwins/pnp-1", headers: [("If-Match", "*")], json: patch)
            #expect(patched.status == 202)
            #expect(patched.body.isEmpty)
            let twin = try await fixture.hub.twin(of: "pnp-1")
            #expect(patched.header("ETag") == "\"\(twin["etag"]?.stringValue ?? "")\"")
            #expect(twin[path: ["properties", "desired", "targetTemperature"]] == 42)
            #expect(twin[path: ["properties", "desired", "thermostat1", "targetTemperature"]] == 7)

            let read = try await fixture.service(.GET, "/digitaltwins/pnp-1")
            #expect(read.status == 200)
            #expect(read.json?["$dtId"] == "pnp-1")
            #expect(read.json?["temperature"] == 21)
            #expect(read.json?[path: ["$metadata", "targetTemperature", "desiredValue"]] == 42)

            let removed = try await fixture.service(.PATCH, "/digitaltwins/pnp-1", json: [["op": "remove", "path": "/targetTemperature"]])
            #expect(removed.status == 202)
            #expect(try await fixture.hub.twin(of: "pnp-1")[path: ["properties", "desired", "targetTemperature"]] == nil)
        }
    }

    @Test func patchThatIsNotJSONPatchIs400NamingTheOperation() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("pnp-1")
            let response = try await fixture.service(.PATCH, "/digitaltwins/pnp-1", json: [["op": "move", "path": "/a"]])
            #expect(response.status == 400)
            #expect(response.json?["Message"] == "ErrorCode:ArgumentInvalid;body[0].op: must be add, replace or remove")
        }
    }

    @Test func componentCommandIsTheDirectMethodNamedComponentStarCommand() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("pnp-1")
            let session = try await fixture.hub.connect(MessageSender(deviceId: "pnp-1"))
            try await session.subscribe([.methods])
            let device = Task {
                for await delivery in session.deliveries {
                    if case .methodRequest(let request) = delivery {
                        try await session.respond(to: request, status: 200, payload: ["ran": .string(request.methodName)])
                        return
                    }
                }
            }
            let response = try await fixture.service(
                .POST, "/digitaltwins/pnp-1/components/thermostat1/commands/getMaxMinReport?responseTimeoutInSeconds=10",
                json: "2024-01-01T00:00:00Z")
            #expect(response.status == 200)
            #expect(response.json == ["ran": "thermostat1*getMaxMinReport"])
            #expect(response.header("x-ms-command-statuscode") == "200")
            try await device.value
            await session.disconnect()
        }
    }
}
