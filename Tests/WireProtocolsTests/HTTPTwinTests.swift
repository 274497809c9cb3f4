import Foundation
import HubEngine
import JSONValue
import Testing

/// Twins, queries and direct methods over REST, as `IoTHubRegistryManager` calls them.
@Suite struct HTTPTwinTests {
    @Test func twinPatchMergesAndAnswersTheNewETag() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let twin = try await fixture.service(.GET, "/twins/d1")
            #expect(twin.status == 200)
            let etag = try #require(twin.json?["etag"]?.stringValue)
            #expect(twin.header("ETag") == "\"\(etag)\"")

            let patched = try await fixture.service(
                .PATCH, "/twins/d1", headers: [("If-Match", "\"\(etag)\"")],
                json: ["tags": ["floor": 2], "properties": ["desired": ["interval": 5]]])
            #expect(patched.status == 200)
            #expect(patched.json?["tags"]?["floor"] == 2)
            #expect(patched.json?[path: ["properties", "desired", "interval"]] == 5)
            #expect(patched.json?["etag"]?.stringValue != etag)
            #expect(patched.header("ETag") == "\"\(patched.json?["etag"]?.stringValue ?? "")\"")
        }
    }

    @Test func twinWriteWithAStaleETagIs412AndChangesNothing() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let stale = "\"AAAAAAAAAAk=\""
            let patch = try await fixture.service(.PATCH, "/twins/d1", headers: [("If-Match", stale)], json: ["tags": ["a": 1]])
            #expect(patch.status == 412)
            #expect(patch.header("iothub-errorcode") == "PreconditionFailed")
            let replace = try await fixture.service(.PUT, "/twins/d1", headers: [("If-Match", stale)], json: ["tags": ["a": 1]])
            #expect(replace.status == 412)
            #expect(try await fixture.service(.GET, "/twins/d1").json?["tags"] == [:])
        }
    }

    @Test func twinReplaceWithWildcardReplacesTags() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            _ = try await fixture.service(.PATCH, "/twins/d1", json: ["tags": ["old": true]])
            let replaced = try await fixture.service(.PUT, "/twins/d1", headers: [("If-Match", "\"*\"")], json: ["tags": ["new": true]])
            #expect(replaced.status == 200)
            #expect(replaced.json?["tags"] == ["new": true])
        }
    }

    @Test func moduleTwinIsReadAndPatched() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
            let patched = try await fixture.service(.PATCH, "/twins/d1/modules/m1", json: ["properties": ["desired": ["x": 1]]])
            #expect(patched.status == 200)
            #expect(patched.json?["moduleId"] == "m1")
            #expect(try await fixture.service(.GET, "/twins/d1/modules/m1").json?[path: ["properties", "desired", "x"]] == 1)
        }
    }

    @Test func queryPagesWithMaxItemCountAndContinuation() async throws {
        try await HTTPServerFixture.run { fixture in
            for id in ["q1", "q2", "q3"] { try await fixture.register(id) }
            let query: JSONValue = ["query": "SELECT * FROM devices"]
            let first = try await fixture.service(.POST, "/devices/query", headers: [("x-ms-max-item-count", "2")], json: query)
            #expect(first.status == 200)
            #expect(first.json?.arrayValue?.count == 2)
            #expect(first.header("x-ms-item-type") == "twin")
            let token = try #require(first.header("x-ms-continuation"))

            let second = try await fixture.service(
                .POST, "/devices/query", headers: [("x-ms-max-item-count", "2"), ("x-ms-continuation", token)], json: query)
            #expect(second.json?.arrayValue?.compactMap { $0["deviceId"]?.stringValue } == ["q3"])
            #expect(second.header("x-ms-continuation") == nil)

            let projected = try await fixture.service(.POST, "/devices/query", json: ["query": "SELECT deviceId FROM devices"])
            #expect(projected.header("x-ms-item-type") == "raw")
        }
    }

    @Test func malformedQueryAndMissingQueryAre400() async throws {
        try await HTTPServerFixture.run { fixture in
            let missing = try await fixture.service(.POST, "/devices/query", json: ["sql": "SELECT * FROM devices"])
            #expect(missing.status == 400)
            #expect(missing.header("iothub-errorcode") == "ArgumentInvalid")
            let broken = try await fixture.service(.POST, "/devices/query", json: ["query": "SELEKT * FROM devices"])
            #expect(broken.status == 400)
        }
    }

    @Test func methodReachesAConnectedDeviceAndReturnsItsAnswer() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let session = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
            try await session.subscribe([.methods])
            let device = Task {
                for await delivery in session.deliveries {
                    if case .methodRequest(let request) = delivery {
                        try await session.respond(to: request, status: 201, payload: ["echo": request.payload])
                        return request.methodName
                    }
                }
                return ""
            }
            let response = try await fixture.service(
                .POST, "/twins/d1/methods",
                json: ["methodName": "reboot", "payload": ["delay": 1], "responseTimeoutInSeconds": 10, "connectTimeoutInSeconds": 5])
            #expect(response.status == 200)
            #expect(response.json == ["status": 201, "payload": ["echo": ["delay": 1]]])
            #expect(try await device.value == "reboot")
            await session.disconnect()
        }
    }

    @Test func methodOnAnOfflineDeviceIs404DeviceNotOnline() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let response = try await fixture.service(
                .POST, "/twins/d1/methods", json: ["methodName": "reboot", "payload": "", "responseTimeoutInSeconds": 10])
            #expect(response.status == 404)
            #expect(response.header("iothub-errorcode") == "DeviceNotOnline")
        }
    }

    @Test func methodWithoutANameIs400NamingTheField() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let response = try await fixture.service(.POST, "/twins/d1/methods", json: ["payload": 1])
            #expect(response.status == 400)
            #expect(response.json?["Message"] == "ErrorCode:ArgumentInvalid;methodName: is required and must be a string")
        }
    }
}
