import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing
import WorkspaceStore

@Suite struct PersistenceTests {
    @Test func everythingSurvivesARestart() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            let settings = HubSettings(name: "lab-hub", skuName: "S1", units: 1)

            let (device, twin): (DeviceIdentity, JSONValue)
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                _ = try await hub.createDevice(DeviceIdentity(deviceId: "gw", iotEdge: true))
                _ = try await hub.createDevice(DeviceIdentity(deviceId: "leaf"))
                try await hub.setParent(of: "leaf", to: "gw", force: false)
                clock.advance(by: 1.5)
                var disabled = try await hub.device("leaf")
                disabled.status = .disabled
                disabled.statusReason = "battery"
                device = try await hub.updateDevice(disabled, ifMatch: nil)
                _ = try await hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "leaf"))
                _ = try await hub.updateTwin(of: "leaf", patch: json(#"{"tags":{"a":1},"properties":{"desired":{"x":1}}}"#), ifMatch: nil)
                _ = try await hub.updateReportedProperties(ofDevice: "leaf", module: "m1", patch: json(#"{"r":true}"#))
                twin = try await hub.twin(of: "leaf")
            }

            let reopened = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            #expect(await reopened.deviceCount == 2)
            let leaf = try await reopened.device("leaf")
            #expect(leaf == device)
            #expect(leaf.parentScopes.count == 1)
            #expect(leaf.statusUpdatedTime == clock.now())
            #expect(try await reopened.twin(of: "leaf") == twin)
            #expect(try await reopened.modules(on: "gw").map(\.moduleId) == ["$edgeAgent", "$edgeHub"])
            #expect(try await reopened.moduleTwin(of: "m1", on: "leaf")[path: ["properties", "reported", "r"]] == true)
            let next = try await reopened.createDevice(DeviceIdentity(deviceId: "after"))
            #expect(next.generationId != leaf.generationId)
        }
    }

    @Test func largeImportIsStoredCompletely() async throws {
        // 4,100 devices: enough records to take the parallel encoding and decoding paths.
        let fixture = try HubFixture()
        var entries: [ExportImportDevice] = []
        for index in 0..<4100 {
            var entry = ExportImportDevice(id: "bulk-\(index)")
            entry.tags = ["index": .integer(index)]
            entries.append(entry)
        }
        #expect(await fixture.hub.importDevices(entries).isSuccessful)
        let reopened = try IoTHub(
            settings: HubSettings(name: "lab-hub", skuName: "S1", units: 1), workspace: fixture.workspace, clock: fixture.clock)
        #expect(await reopened.deviceCount == 4100)
        #expect(try await reopened.twin(of: "bulk-4099")[path: ["tags", "index"]] == 4099)
        #expect(try await reopened.device("bulk-7") == fixture.hub.device("bulk-7"))
    }

    @Test func mutationsWriteJournalEvents() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw", iotEdge: true))
        _ = try await fixture.hub.updateTwin(of: "gw", patch: json(#"{"properties":{"desired":{"x":1}}}"#), ifMatch: nil)
        _ = try await fixture.hub.updateReportedProperties(ofDevice: "gw", module: nil, patch: json(#"{"y":2}"#))
        try await fixture.hub.deleteDevice("gw", ifMatch: nil)
        #expect(try fixture.journalKinds() == [
            "DeviceCreated", "ModuleCreated", "ModuleCreated", "TwinUpdated", "ReportedPropertiesUpdated", "DeviceDeleted",
        ])
        let events = try fixture.workspace.journal(after: 0, limit: 10)
        #expect(events.allSatisfy { $0.scope == "hub:lab-hub" })
        #expect(events[3].subject == "gw")
        let payload = try JSONValue(parsing: events[3].payload)
        #expect(try payload["desired"] == json(#"{"x":1}"#))
        #expect(payload["desiredVersion"] == 2)
        #expect(try JSONValue(parsing: events[4].payload)["$version"] == 2)
        #expect(events[1].subject == "gw/$edgeAgent")
    }

    @Test func refusedRequestsWriteNothing() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        _ = try? await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        _ = try? await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a.b":1}}"#), ifMatch: nil)
        #expect(try fixture.journalKinds() == ["DeviceCreated"])
        #expect(try await fixture.hub.twin(of: "d1")["version"] == 1)
    }

    @Test func everythingAHubStoresLivesInItsScope() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1", iotEdge: true))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":1}}"#), ifMatch: nil)
        try fixture.workspace.write { try $0.deleteScope(IoTHub.storageScope(forHub: "lab-hub")) }
        let reopened = try IoTHub(settings: HubSettings(name: "lab-hub", skuName: "S1", units: 1), workspace: fixture.workspace, clock: fixture.clock)
        #expect(await reopened.deviceCount == 0)
        #expect(try fixture.workspace.allRecords().isEmpty)
    }
}
