import HubEngine
import JSONValue
import Testing

/// Creating a device with its initial twin, as the Device Provisioning Service assigns one.
@Suite struct DeviceWithInitialTwinTests {
    @Test func theDeviceAndItsInitialTwinArriveInOneCommit() async throws {
        let fixture = try HubFixture(sku: "S1")
        let before = try fixture.journalKinds().count
        _ = try await fixture.hub.createDevice(
            DeviceIdentity(deviceId: "sensor-thl-1000"),
            initialTwin: json(#"{"tags":{"site":"cave"},"properties":{"desired":{"telemetryDelay":"2"}}}"#))
        let twin = try await fixture.hub.twin(of: "sensor-thl-1000")
        #expect(try twin["tags"] == json(#"{"site":"cave"}"#))
        #expect(twin[path: ["properties", "desired", "telemetryDelay"]] == "2")
        #expect(twin[path: ["properties", "desired", "$version"]] == 2)
        #expect(twin["version"] == 2)
        // The creation and the twin change are journaled as two events of one commit.
        #expect(Array(try fixture.journalKinds().dropFirst(before)) == ["DeviceCreated", "TwinUpdated"])
    }

    @Test func aTwinOverItsLimitLeavesNoDeviceBehind() async throws {
        let fixture = try HubFixture(sku: "S1")
        let tooLarge = JSONValue.object(["tags": .object(["blob": .string(String(repeating: "x", count: 9000))])])
        await #expect(throws: HubError.self) {
            try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"), initialTwin: tooLarge)
        }
        await #expect(throws: HubError.deviceNotFound(deviceId: "d1")) {
            try await fixture.hub.device("d1")
        }
    }

    private func json(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: text)
    }
}
