import DeviceSimulation
import Foundation
import JSONValue
import Testing

/// The lab devices shipped in `Content/simulations/` behave as the official labs' code does.
@Suite struct LabSimulationTests {
    private let catalog = SimulationCatalog(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content/simulations"))
    private let start = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func theCatalogListsTheLabDevices() throws {
        #expect(try catalog.definitions().map(\.name) == ["lab04-cave-device", "lab07-vibration-device"])
    }

    @Test func lab04sCaveDeviceRaisesTemperatureAlertAbove30Degrees() throws {
        let definition = try catalog.definition(named: "lab04-cave-device")
        #expect(definition.deviceId == "sensor-th-0001")
        #expect(definition.intervalSeconds == 1)
        var device = TelemetryGenerator(definition: definition, deviceId: "sensor-th-0001", seed: 4, machineName: "lab-pc")
        var alerts = Set<String>()
        for _ in 0..<200 {
            let message = try #require(device.nextRound(at: start).first)
            let body = try JSONValue(parsing: message.body)
            let temperature = try #require(body["temperature"]?.doubleValue)
            let humidity = try #require(body["humidity"]?.doubleValue)
            #expect((20...35).contains(temperature))
            #expect((60...80).contains(humidity))
            let alert = try #require(message.applicationProperties["temperatureAlert"])
            #expect(alert == (temperature > 30 ? "true" : "false"))
            alerts.insert(alert)
            #expect(message.contentType == nil)
        }
        #expect(alerts == ["true", "false"])
    }

    @Test func lab07sVibrationDeviceSendsTelemetryAndLoggingMessages() throws {
        let definition = try catalog.definition(named: "lab07-vibration-device")
        #expect(definition.deviceId == "sensor-v-3000")
        #expect(definition.intervalSeconds == 2)
        var device = TelemetryGenerator(definition: definition, deviceId: "sensor-v-3000", seed: 9, machineName: "lab-pc")
        var speeds = Set<String>()
        for round in 0..<100 {
            let messages = device.nextRound(at: start)
            try #require(messages.count == 2)
            let telemetry = try JSONValue(parsing: messages[0].body)
            let logging = try JSONValue(parsing: messages[1].body)
            #expect(telemetry.objectValue?.keys.elements == ["vibration"])
            #expect(logging.objectValue?.keys.elements == ["vibration", "packages", "speed", "temp"])
            #expect(logging["packages"] == .integer(round))
            #expect(messages.map { $0.applicationProperties["sensorID"] } == ["VSTel", "VSLog"])
            let speed = try #require(logging["speed"]?.stringValue)
            speeds.insert(speed)
            let alert = speed == "stopped" ? "true" : "false"
            #expect(messages.map { $0.applicationProperties["beltAlert"] } == [alert, alert])
        }
        #expect(speeds == ["stopped", "slow", "fast"])
    }

    @Test func aBrokenDefinitionIsReportedWithItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sims-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"name": "bad", "count": -1}"#.write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        #expect(throws: SimulationError.invalidDefinition(field: "bad.json: count", reason: "must be between 0 and 2147483647, not -1")) {
            try SimulationCatalog(directory: folder).definitions()
        }
    }

    @Test func anUnknownNameListsTheAvailableDefinitions() throws {
        #expect(throws: SimulationError.definitionNotFound(name: "lab99", available: ["lab04-cave-device", "lab07-vibration-device"])) {
            try catalog.definition(named: "lab99")
        }
    }
}
