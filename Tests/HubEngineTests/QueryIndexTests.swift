import HubEngine
import JSONValue
import Testing

/// Queries narrowed by an index and pages served from a remembered result give exactly the rows
/// a full scan gives, before and after the registry changes.
@Suite struct QueryIndexTests {
    private func hub() async throws -> IoTHub {
        let fixture = try HubFixture()
        let entries = (0..<60).map { index -> ExportImportDevice in
            var entry = ExportImportDevice(id: String(format: "dev-%03d", index))
            entry.tags = ["building": .string(String(40 + index % 3)), "floor": index % 2 == 0 ? .integer(index % 4) : .double(Double(index % 4))]
            return entry
        }
        #expect(await fixture.hub.importDevices(entries).isSuccessful)
        return fixture.hub
    }

    private func ids(_ hub: IoTHub, _ query: String) async throws -> [String] {
        try await hub.query(query, pageSize: 1000).items.compactMap { $0["deviceId"]?.stringValue }
    }

    @Test func indexedEqualityMatchesTheScan() async throws {
        let hub = try await hub()
        let indexed = try await ids(hub, "SELECT * FROM devices WHERE tags.building = '41'")
        // OR is not an indexable conjunct, so this runs as a full scan over the same condition.
        let scanned = try await ids(hub, "SELECT * FROM devices WHERE tags.building = '41' OR false")
        #expect(indexed.count == 20)
        #expect(indexed == scanned)
        #expect(indexed == indexed.sorted())
    }

    @Test func numbersMatchAcrossIntegerAndDouble() async throws {
        let hub = try await hub()
        let floorTwo = try await ids(hub, "SELECT * FROM devices WHERE tags.floor = 2.0")
        #expect(floorTwo == (try await ids(hub, "SELECT * FROM devices WHERE tags.floor IN [2] AND true")))
        #expect(floorTwo.count == 15)
    }

    @Test func theIndexFollowsTwinChangesAndDeletions() async throws {
        let hub = try await hub()
        #expect(try await ids(hub, "SELECT * FROM devices WHERE tags.building = '41'").contains("dev-001"))
        _ = try await hub.updateTwin(of: "dev-001", patch: ["tags": ["building": "99"]], ifMatch: nil)
        try await hub.deleteDevice("dev-004", ifMatch: nil)
        let after = try await ids(hub, "SELECT * FROM devices WHERE tags.building = '41'")
        #expect(!after.contains("dev-001"))
        #expect(!after.contains("dev-004"))
        #expect(after.count == 18)
        #expect(try await ids(hub, "SELECT * FROM devices WHERE tags.building = '99'") == ["dev-001"])
    }

    @Test func continuationPagesSeeChangesMadeBetweenQueries() async throws {
        let hub = try await hub()
        let query = "SELECT deviceId FROM devices WHERE tags.building = '40'"
        let first = try await hub.query(query, pageSize: 5)
        #expect(first.items.count == 5)
        _ = try await hub.createDevice(DeviceIdentity(deviceId: "dev-000a"))
        _ = try await hub.updateTwin(of: "dev-000a", patch: ["tags": ["building": "40"]], ifMatch: nil)
        let all = try await ids(hub, "SELECT * FROM devices WHERE tags.building = '40'")
        #expect(all.count == 21)
        #expect(all[1] == "dev-000a")
    }
}
