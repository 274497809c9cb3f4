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
        // Two 4000-character strings and one more member: 8193 bytes of tags, one over Azure's 8 KB.
        let tooLarge: JSONValue = ["tags": ["a": .string(String(repeating: "x", count: 4000)), "b": .string(String(repeating: "x", count: 4000)),
                                            "c": .string(String(repeating: "x", count: 190))]]
        await #expect(
            throws: HubError.argumentInvalid(
                field: "tags", rule: "is 8193 bytes; the maximum is 8192 (UTF-8 bytes of names and strings, 8 per number, 4 per boolean)")
        ) {
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
