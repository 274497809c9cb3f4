import HubEngine
import JSONValue
import Testing

@Suite struct QueryTests {
    private func hubWithDevices(_ count: Int) async throws -> IoTHub {
        let fixture = try HubFixture()
        var entries: [ExportImportDevice] = []
        for index in 0..<count {
            var entry = ExportImportDevice(id: "dev-\(index + 1000)")
            entry.tags = ["even": .bool(index % 2 == 0)]
            entries.append(entry)
        }
        #expect(await fixture.hub.importDevices(entries).isSuccessful)
        return fixture.hub
    }

    @Test func pagesFollowContinuationTokensToTheEnd() async throws {
        let hub = try await hubWithDevices(250)
        var ids: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try await hub.query("SELECT * FROM devices", pageSize: 100, continuationToken: token)
            ids += page.items.compactMap { $0["deviceId"]?.stringValue }
            token = page.continuationToken
            pages += 1
        } while token != nil
        #expect(pages == 3)
        #expect(ids.count == 250)
        #expect(Set(ids).count == 250)
        #expect(ids.first == "dev-1000")
    }

    @Test func whereClauseFiltersTwins() async throws {
        let hub = try await hubWithDevices(10)
        let page = try await hub.query("SELECT deviceId FROM devices WHERE tags.even = true")
        #expect(page.items.count == 5)
        #expect(page.continuationToken == nil)
        #expect(try page.items.first == json(#"{"deviceId":"dev-1000"}"#))
    }

    @Test func pageSizeIsCappedAt1000() async throws {
        let hub = try await hubWithDevices(1001)
        let page = try await hub.query("SELECT * FROM devices", pageSize: 5000)
        #expect(page.items.count == 1000)
        #expect(page.continuationToken != nil)
    }

    @Test func moduleTwinsAreQueried() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw", iotEdge: true))
        let page = try await fixture.hub.query("SELECT * FROM devices.modules WHERE moduleId = '$edgeHub'")
        #expect(page.items.map { $0["deviceId"] } == ["gw"])
    }

    @Test func badQueryAndForeignTokenAreRefused() async throws {
        let hub = try await hubWithDevices(3)
        let error = await #expect(throws: HubError.self) { try await hub.query("SELECT * FROM") }
        #expect(error?.errorName == "ArgumentInvalid")
        let page = try await hub.query("SELECT * FROM devices", pageSize: 1)
        await #expect(
            throws: HubError.argumentInvalid(field: "continuationToken", rule: "belongs to a different query; send the same query text with it")
        ) {
            try await hub.query("SELECT deviceId FROM devices", pageSize: 1, continuationToken: page.continuationToken)
        }
    }

    @Test func basicTierRefusesQueries() async throws {
        let fixture = try HubFixture(sku: "B2")
        await #expect(throws: HubError.operationNotAvailableInCurrentTier(operation: "Queries", skuName: "B2")) {
            try await fixture.hub.query("SELECT * FROM devices")
        }
    }
}
