import Foundation
import HubEngine
import JSONValue
import Testing

@Suite struct DeviceRegistryTests {
    @Test func createdDeviceHasGeneratedKeysAndAzureDefaults() async throws {
        let fixture = try HubFixture()
        let device = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "sensor-th-0001"))
        #expect(device.status == .enabled)
        #expect(device.connectionState == .disconnected)
        #expect(device.authentication.type == .sas)
        #expect(Data(base64Encoded: device.authentication.primaryKey ?? "")?.count == 32)
        #expect(Data(base64Encoded: device.authentication.secondaryKey ?? "")?.count == 32)
        #expect(device.authentication.primaryKey != device.authentication.secondaryKey)
        #expect(!device.generationId.isEmpty)
        #expect(!device.etag.isEmpty)
        #expect(try await fixture.hub.device("sensor-th-0001") == device)
    }

    @Test func deviceJSONHasAzureMembersInAzureOrder() async throws {
        let fixture = try HubFixture()
        let device = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        let keys = Array(device.json.objectValue?.keys ?? [])
        #expect(keys == [
            "deviceId", "generationId", "etag", "connectionState", "status", "statusReason", "connectionStateUpdatedTime",
            "statusUpdatedTime", "lastActivityTime", "cloudToDeviceMessageCount", "authentication", "capabilities",
            "deviceScope", "parentScopes",
        ])
        #expect(device.json["lastActivityTime"] == "0001-01-01T00:00:00Z")
        #expect(device.json["authentication"]?["x509Thumbprint"]?["primaryThumbprint"] == .null)
        #expect(try DeviceIdentity(json: device.json) == device)
    }

    @Test func idsAreCaseSensitive() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "Sensor"))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "sensor"))
        #expect(await fixture.hub.deviceCount == 2)
    }

    @Test func idOf128CharactersIsAcceptedAnd129Refused() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: String(repeating: "a", count: 128)))
        let long = String(repeating: "b", count: 129)
        await #expect(throws: HubError.argumentInvalid(field: "deviceId", rule: "'bbbbbbbbbbbbbbbbbbbb…' is 129 characters long; the maximum is 128")) {
            try await fixture.hub.createDevice(DeviceIdentity(deviceId: long))
        }
    }

    @Test func idWithForbiddenCharacterNamesItsPosition() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "a-.+%_#*?!(),:=@$'z"))
        await #expect(
            throws: HubError.argumentInvalid(
                field: "deviceId",
                rule: "'room/1' has '/' at position 5; ids allow ASCII letters, digits and - . + % _ # * ? ! ( ) , : = @ $ '")
        ) {
            try await fixture.hub.createDevice(DeviceIdentity(deviceId: "room/1"))
        }
    }

    @Test func keysOf16And64BytesAreKeptAnd15Refused() async throws {
        let fixture = try HubFixture()
        let short = base64Key(bytes: 16)
        let long = base64Key(bytes: 64)
        let device = try await fixture.hub.createDevice(
            DeviceIdentity(deviceId: "d1", authentication: .sas(primaryKey: short, secondaryKey: long)))
        #expect(device.authentication.primaryKey == short)
        #expect(device.authentication.secondaryKey == long)
        let error = await #expect(throws: HubError.self) {
            try await fixture.hub.createDevice(
                DeviceIdentity(deviceId: "d2", authentication: .sas(primaryKey: base64Key(bytes: 15))))
        }
        guard case .argumentInvalid(let field, let rule)? = error else {
            Issue.record("expected ArgumentInvalid, got \(String(describing: error))")
            return
        }
        #expect(field == "authentication.symmetricKey.primaryKey")
        #expect(rule.hasPrefix("must be base64 of 16 to 64 bytes"))
        #expect(await fixture.hub.deviceCount == 1)
    }

    @Test func selfSignedDeviceNeedsAValidThumbprintAndHasNoConnectionString() async throws {
        let fixture = try HubFixture()
        let thumbprint = String(repeating: "AB", count: 20)
        let device = try await fixture.hub.createDevice(
            DeviceIdentity(deviceId: "x509-device", authentication: .selfSigned(primaryThumbprint: thumbprint)))
        #expect(device.authentication.type == .selfSigned)
        #expect(device.authentication.primaryKey == nil)
        #expect(device.connectionString(hostName: "lab-hub.azure-devices.net") == nil)
        let error = await #expect(throws: HubError.self) {
            try await fixture.hub.createDevice(
                DeviceIdentity(deviceId: "bad", authentication: .selfSigned(primaryThumbprint: "xyz")))
        }
        guard case .argumentInvalid(let field, _)? = error else {
            Issue.record("expected ArgumentInvalid, got \(String(describing: error))")
            return
        }
        #expect(field == "authentication.x509Thumbprint.primaryThumbprint")
    }

    @Test func connectionStringNamesHostDeviceAndKey() async throws {
        let fixture = try HubFixture()
        let key = base64Key(bytes: 32)
        let device = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1", authentication: .sas(primaryKey: key)))
        #expect(
            device.connectionString(hostName: "lab-hub.azure-devices.net")
                == "HostName=lab-hub.azure-devices.net;DeviceId=d1;SharedAccessKey=\(key)")
    }

    @Test func duplicateDeviceIsRefused() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        await #expect(throws: HubError.deviceAlreadyExists(deviceId: "d1")) {
            try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        }
    }

    @Test func unknownDeviceIsNotFound() async throws {
        let fixture = try HubFixture()
        await #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) { try await fixture.hub.device("ghost") }
        await #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) {
            try await fixture.hub.deleteDevice("ghost", ifMatch: nil)
        }
        #expect(HubError.deviceNotFound(deviceId: "ghost").description == "404001 DeviceNotFound: Device ghost not registered")
    }

    @Test func updateChangesTheEtagAndHonoursIfMatch() async throws {
        let fixture = try HubFixture()
        let created = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        var request = created
        request.status = .disabled
        request.statusReason = "maintenance"
        fixture.clock.advance(by: 60)
        let updated = try await fixture.hub.updateDevice(request, ifMatch: "\"\(created.etag)\"")
        #expect(updated.etag != created.etag)
        #expect(updated.status == .disabled)
        #expect(updated.statusUpdatedTime == fixture.clock.now())
        #expect(updated.authentication.primaryKey == created.authentication.primaryKey)
        await #expect(
            throws: HubError.preconditionFailed(resource: "device 'd1'", expected: created.etag, actual: updated.etag)
        ) {
            try await fixture.hub.updateDevice(request, ifMatch: created.etag)
        }
        let again = try await fixture.hub.updateDevice(request, ifMatch: "\"*\"")
        #expect(again.etag != updated.etag)
    }

    @Test func preconditionFailedCarriesAzureCode() {
        let error = HubError.preconditionFailed(resource: "device 'd1'", expected: "a", actual: "b")
        #expect(error.httpStatus == 412)
        #expect(error.errorName == "PreconditionFailed")
    }

    @Test func deleteWithWrongEtagKeepsTheDevice() async throws {
        let fixture = try HubFixture()
        let device = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        await #expect(throws: HubError.preconditionFailed(resource: "device 'd1'", expected: "nope", actual: device.etag)) {
            try await fixture.hub.deleteDevice("d1", ifMatch: "nope")
        }
        try await fixture.hub.deleteDevice("d1", ifMatch: device.etag)
        #expect(await fixture.hub.deviceCount == 0)
    }

    @Test func listReturnsAtMost1000DevicesInIdOrder() async throws {
        let fixture = try HubFixture()
        let entries = (0..<1005).map { ExportImportDevice(id: String(format: "dev-%04d", $0), importMode: .create) }
        let report = await fixture.hub.importDevices(entries)
        #expect(report.succeeded == 1005)
        let listed = try await fixture.hub.devices()
        #expect(listed.count == 1000)
        #expect(listed.first?.deviceId == "dev-0000")
        #expect(try await fixture.hub.devices(top: 3).map(\.deviceId) == ["dev-0000", "dev-0001", "dev-0002"])
    }

    @Test func freeTierStopsAt500Devices() async throws {
        let fixture = try HubFixture(sku: "F1")
        let report = await fixture.hub.importDevices((0..<500).map { ExportImportDevice(id: "d\($0)") })
        #expect(report.succeeded == 500)
        await #expect(throws: HubError.deviceQuotaExceeded(hubName: "lab-hub", limit: 500, current: 500)) {
            try await fixture.hub.createDevice(DeviceIdentity(deviceId: "one-too-many"))
        }
        #expect(HubError.deviceQuotaExceeded(hubName: "lab-hub", limit: 500, current: 500).errorCode == 403002)
    }

    @Test func requestJSONWithWrongTypeNamesTheField() throws {
        #expect(throws: HubError.argumentInvalid(field: "capabilities.iotEdge", rule: "must be true or false, not string")) {
            try DeviceIdentity(json: json(#"{"deviceId":"d1","capabilities":{"iotEdge":"yes"}}"#))
        }
        #expect(throws: HubError.argumentInvalid(field: "status", rule: "'paused' is not one of enabled, disabled")) {
            try DeviceIdentity(json: json(#"{"deviceId":"d1","status":"paused"}"#))
        }
        #expect(throws: HubError.argumentInvalid(field: "deviceId", rule: "is required")) {
            try DeviceIdentity(json: json(#"{"status":"enabled"}"#))
        }
    }

    @Test func requestJSONAsTheSDKSendsItCreatesTheDevice() async throws {
        let fixture = try HubFixture()
        let request = try DeviceIdentity(
            json: json(
                #"{"deviceId":"d1","status":"disabled","authentication":{"symmetricKey":{"primaryKey":null,"secondaryKey":null},"type":"sas"},"capabilities":{"iotEdge":false}}"#))
        let device = try await fixture.hub.createDevice(request)
        #expect(device.status == .disabled)
        #expect(device.authentication.primaryKey != nil)
    }

    @Test func statisticsCountEnabledDisabledAndConnectedDevices() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "on"))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "off", status: .disabled))
        try await fixture.hub.recordConnection(.connected, ofDevice: "on", module: nil)
        let statistics = await fixture.hub.statistics
        #expect(statistics == RegistryStatistics(totalDeviceCount: 2, enabledDeviceCount: 1, disabledDeviceCount: 1, connectedDeviceCount: 1))
        #expect(try statistics.json == json(#"{"totalDeviceCount":2,"enabledDeviceCount":1,"disabledDeviceCount":1}"#))
    }
}
