import HubEngine
import JSONValue
import Testing

@Suite struct ImportExportTests {
    @Test func badEntryIsReportedAndTheOthersImported() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "existing"))
        var withTwin = ExportImportDevice(id: "with-twin", importMode: .create)
        withTwin.tags = ["site": "north"]
        withTwin.desiredProperties = ["interval": 10]
        let entries = [
            ExportImportDevice(id: "new-1", importMode: .create),
            ExportImportDevice(id: "existing", importMode: .create),
            ExportImportDevice(id: "bad/id"),
            withTwin,
        ]
        let report = await fixture.hub.importDevices(entries)
        #expect(report.succeeded == 2)
        #expect(report.errors.map(\.entryIndex) == [1, 2])
        #expect(report.errors[0].error == .deviceAlreadyExists(deviceId: "existing"))
        #expect(report.errors[1].error.errorName == "ArgumentInvalid")
        #expect(report.json["isSuccessful"] == false)
        #expect(report.json["errors"]?.arrayValue?.first?["errorCode"] == "DeviceAlreadyExists")
        let twin = try await fixture.hub.twin(of: "with-twin")
        #expect(try twin["tags"] == json(#"{"site":"north"}"#))
        #expect(twin[path: ["properties", "desired", "interval"]] == 10)
        #expect(try fixture.journalKinds().last == "DevicesImported")
    }

    @Test func modesFollowAzuresRules() async throws {
        let fixture = try HubFixture()
        let device = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        var disable = ExportImportDevice(id: "d1", importMode: .updateIfMatchETag)
        disable.eTag = "wrong"
        disable.status = .disabled
        var update = ExportImportDevice(id: "d1", importMode: .update)
        update.status = .disabled
        var twinOnly = ExportImportDevice(id: "d1", importMode: .updateTwinIfMatchETag)
        twinOnly.twinETag = "AAAAAAAAAAE="
        twinOnly.tags = ["imported": true]
        let report = await fixture.hub.importDevices([
            disable, update, twinOnly,
            ExportImportDevice(id: "missing", importMode: .update),
            ExportImportDevice(id: "missing", importMode: .delete),
        ])
        #expect(report.errors.map(\.error) == [
            .preconditionFailed(resource: "device 'd1'", expected: "wrong", actual: device.etag),
            .deviceNotFound(deviceId: "missing"),
            .deviceNotFound(deviceId: "missing"),
        ])
        #expect(try await fixture.hub.device("d1").status == .disabled)
        #expect(try await fixture.hub.twin(of: "d1")["tags"] == json(#"{"imported":true}"#))
    }

    @Test func laterEntriesSeeEarlierOnes() async throws {
        let fixture = try HubFixture()
        let report = await fixture.hub.importDevices([
            ExportImportDevice(id: "gw", importMode: .create),
            ExportImportDevice(id: "gw", moduleId: "filter", importMode: .create),
            ExportImportDevice(id: "temp", importMode: .create),
            ExportImportDevice(id: "temp", importMode: .delete),
        ])
        #expect(report.isSuccessful)
        #expect(try await fixture.hub.modules(on: "gw").map(\.moduleId) == ["filter"])
        #expect(await fixture.hub.deviceCount == 1)
    }

    @Test func exportRoundTripsThroughJSON() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":1},"properties":{"desired":{"x":2}}}"#), ifMatch: nil)
        let exported = await fixture.hub.exportDevices()
        #expect(exported.count == 1)
        let line = exported[0].json
        #expect(Array(line.objectValue?.keys ?? []).prefix(4) == ["id", "eTag", "status", "authentication"])
        #expect(try ExportImportDevice(json: line) == exported[0])

        let other = try HubFixture()
        let report = await other.hub.importDevices(exported)
        #expect(report.isSuccessful)
        let copied = try await other.hub.device("d1")
        #expect(copied.authentication.primaryKey == exported[0].authentication?.primaryKey)
        #expect(try await other.hub.twin(of: "d1")["tags"] == json(#"{"a":1}"#))
    }

    @Test func unknownImportModeIsRefusedWhenRead() {
        #expect(
            throws: HubError.argumentInvalid(
                field: "importMode",
                rule: "'upsert' is not one of createOrUpdate, create, update, updateIfMatchETag, createOrUpdateIfMatchETag, delete, deleteIfMatchETag, updateTwin, updateTwinIfMatchETag")
        ) {
            try ExportImportDevice(json: json(#"{"id":"d1","importMode":"upsert"}"#))
        }
    }
}
