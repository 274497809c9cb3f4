import Foundation
import HubEngine
import JSONValue
import Testing

/// The registry over REST as the Python service SDK drives it: exact status codes, ETag
/// headers, If-Match in every form, and Azure's error shape.
@Suite struct HTTPRegistryTests {
    /// The body `create_device_with_sas` sends.
    static func sdkDevice(_ id: String) -> JSONValue {
        [
            "deviceId": .string(id), "status": "enabled",
            "authentication": ["symmetricKey": ["primaryKey": nil, "secondaryKey": nil], "type": "sas"],
            "capabilities": ["iotEdge": false],
        ]
    }

    @Test func createAnswers200WithTheDeviceAndItsQuotedETag() async throws {
        try await HTTPServerFixture.run { fixture in
            let response = try await fixture.service(.PUT, "/devices/d1", json: Self.sdkDevice("d1"))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let etag = try #require(response.json?["etag"]?.stringValue)
            #expect(response.header("ETag") == "\"\(etag)\"")
            #expect(response.json?["deviceId"] == "d1")
            #expect(response.json?["authentication"]?["symmetricKey"]?["primaryKey"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func duplicateCreateIs409WithAzureErrorHeaderAndBody() async throws {
        try await HTTPServerFixture.run { fixture in
            _ = try await fixture.service(.PUT, "/devices/d1", json: Self.sdkDevice("d1"))
            let response = try await fixture.service(.PUT, "/devices/d1", json: Self.sdkDevice("d1"))
            #expect(response.status == 409)
            #expect(response.header("iothub-errorcode") == "DeviceAlreadyExists")
            let message = try #require(response.json?["Message"]?.stringValue)
            #expect(message == "ErrorCode:DeviceAlreadyExists;A device with ID 'd1' is already registered")
            #expect(response.json?["ExceptionMessage"]?.stringValue?.hasPrefix("Tracking ID:") == true)
        }
    }

    @Test func updateHonoursIfMatchQuotedUnquotedAndWildcard() async throws {
        try await HTTPServerFixture.run { fixture in
            let created = try await fixture.service(.PUT, "/devices/d1", json: Self.sdkDevice("d1"))
            let etag = try #require(created.json?["etag"]?.stringValue)
            var disabled = try #require(created.json)
            disabled.setValue("disabled", at: ["status"])

            let stale = try await fixture.service(.PUT, "/devices/d1", headers: [("If-Match", "\"bm9wZQ==\"")], json: disabled)
            #expect(stale.status == 412)
            #expect(stale.header("iothub-errorcode") == "PreconditionFailed")

            let quoted = try await fixture.service(.PUT, "/devices/d1", headers: [("If-Match", "\"\(etag)\"")], json: disabled)
            #expect(quoted.status == 200)
            #expect(quoted.json?["status"] == "disabled")
            let unquoted = try await fixture.service(
                .PUT, "/devices/d1", headers: [("If-Match", quoted.json?["etag"]?.stringValue ?? "")], json: Self.sdkDevice("d1"))
            #expect(unquoted.status == 200)
            let wildcard = try await fixture.service(.PUT, "/devices/d1", headers: [("If-Match", "\"*\"")], json: disabled)
            #expect(wildcard.status == 200)
        }
    }

    @Test func getAndDeleteAnswer200And204ThenDeviceNotFound() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let read = try await fixture.service(.GET, "/devices/d1")
            #expect(read.status == 200)
            #expect(read.header("ETag") == "\"\(read.json?["etag"]?.stringValue ?? "")\"")

            let deleted = try await fixture.service(.DELETE, "/devices/d1", headers: [("If-Match", "\"*\"")])
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)

            let missing = try await fixture.service(.GET, "/devices/d1")
            #expect(missing.status == 404)
            #expect(missing.header("iothub-errorcode") == "DeviceNotFound")
            #expect(missing.json?["Message"] == "ErrorCode:DeviceNotFound;Device d1 not registered")
        }
    }

    @Test func pathIdWinsAndAMismatchedBodyIdIsRefused() async throws {
        try await HTTPServerFixture.run { fixture in
            let response = try await fixture.service(.PUT, "/devices/d1", json: Self.sdkDevice("other"))
            #expect(response.status == 400)
            #expect(response.header("iothub-errorcode") == "ArgumentInvalid")
            #expect(response.json?["Message"] == "ErrorCode:ArgumentInvalid;deviceId: must match the id in the URL, 'd1'")
        }
    }

    @Test func escapedIdsInThePathAreOneSegment() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("dev:1")
            let response = try await fixture.service(.GET, "/devices/dev%3A1")
            #expect(response.status == 200)
            #expect(response.json?["deviceId"] == "dev:1")
        }
    }

    @Test func listHonoursTopAndRefusesAnOutOfRangeTop() async throws {
        try await HTTPServerFixture.run { fixture in
            for id in ["a", "b", "c"] { try await fixture.register(id) }
            let two = try await fixture.service(.GET, "/devices?top=2")
            #expect(two.json?.arrayValue?.compactMap { $0["deviceId"]?.stringValue } == ["a", "b"])
            let tooMany = try await fixture.service(.GET, "/devices?top=1001")
            #expect(tooMany.status == 400)
            #expect(tooMany.json?["Message"] == "ErrorCode:ArgumentInvalid;top: must be an integer from 1 to 1000; it is '1001'")
        }
    }

    @Test func modulesAreCreatedListedReadAndDeleted() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let created = try await fixture.service(
                .PUT, "/devices/d1/modules/m1", json: ["moduleId": "m1", "authentication": ["type": "sas"]])
            #expect(created.status == 200)
            #expect(created.json?["deviceId"] == "d1")
            #expect(created.header("ETag") != nil)
            let listed = try await fixture.service(.GET, "/devices/d1/modules")
            #expect(listed.json?.arrayValue?.count == 1)
            #expect(try await fixture.service(.GET, "/devices/d1/modules/m1").json?["moduleId"] == "m1")
            #expect(try await fixture.service(.DELETE, "/devices/d1/modules/m1", headers: [("If-Match", "*")]).status == 204)
            let missing = try await fixture.service(.GET, "/devices/d1/modules/m1")
            #expect(missing.status == 404)
            #expect(missing.header("iothub-errorcode") == "ModuleNotFound")
        }
    }

    @Test func bulkCreateReports200AndARefusedEntryMakesIt400() async throws {
        try await HTTPServerFixture.run { fixture in
            let batch: JSONValue = [
                ["id": "b1", "importMode": "create", "status": "enabled"],
                ["id": "b2", "importMode": "create", "status": "enabled"],
            ]
            let created = try await fixture.service(.POST, "/devices", json: batch)
            #expect(created.status == 200)
            #expect(created.json?["isSuccessful"] == true)
            let again = try await fixture.service(.POST, "/devices", json: [["id": "b1", "importMode": "create"]])
            #expect(again.status == 400)
            #expect(again.json?["isSuccessful"] == false)
            #expect(again.json?["errors"]?.arrayValue?.first?["deviceId"] == "b1")
            #expect(again.json?["errors"]?.arrayValue?.first?["errorCode"] == "DeviceAlreadyExists")
        }
    }

    @Test func statisticsCountRegisteredEnabledAndConnectedDevices() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            try await fixture.register("d2")
            let devices = try await fixture.service(.GET, "/statistics/devices")
            #expect(devices.json == ["totalDeviceCount": 2, "enabledDeviceCount": 2, "disabledDeviceCount": 0])
            let service = try await fixture.service(.GET, "/statistics/service")
            #expect(service.json == ["connectedDeviceCount": 0])
        }
    }
}
