import Foundation
import JSONValue
import Testing

/// The built binary, driven as a user drives it: state survives restarts, errors exit non-zero.
@Suite(.serialized) struct WorkspaceLifecycleTests {
    @Test func hubDevicesTwinsAndQueriesSurviveARestart() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }

        let created = try await iotlab.run("az", "iot", "hub", "create", "--name", "e2e-hub", "-g", "rg1")
        #expect(created.status == 3, "az exits 3 when a resource is not found")
        #expect(created.errors.contains("ResourceGroupNotFound"))

        try await #require(iotlab.run("az", "group", "create", "--name", "rg1", "--location", "westeurope").status == 0)
        let hub = try await iotlab.run("az", "iot", "hub", "create", "--name", "e2e-hub", "-g", "rg1")
        try #require(hub.status == 0, "\(hub.errors)")
        let hubJSON = try JSONValue(parsing: hub.output)
        #expect(hubJSON["properties"]?["hostName"] == "e2e-hub.azure-devices.net")
        #expect(hubJSON["sku"]?["name"] == "S1")

        for (device, building) in [("sensor-1", "43"), ("sensor-2", "43"), ("sensor-3", "44")] {
            try await #require(iotlab.run("az", "iot", "hub", "device-identity", "create", "-n", "e2e-hub", "-d", device, "-o", "none").status == 0)
            let update = try await iotlab.run(
                "az", "iot", "hub", "device-twin", "update", "-n", "e2e-hub", "-d", device,
                "--tags", #"{"location": {"building": "\#(building)"}}"#)
            try #require(update.status == 0, "\(update.errors)")
        }

        let duplicate = try await iotlab.run("az", "iot", "hub", "device-identity", "create", "-n", "e2e-hub", "-d", "sensor-1")
        #expect(duplicate.status != 0)
        #expect(duplicate.errors.contains("DeviceAlreadyExists"))

        // Each command above was its own process: the state below was read back from the workspace.
        let query = try await iotlab.run(
            "az", "iot", "hub", "query", "-n", "e2e-hub",
            "-q", "SELECT deviceId FROM devices WHERE tags.location.building = '43'", "-o", "tsv")
        try #require(query.status == 0, "\(query.errors)")
        #expect(query.output.split(separator: "\n").sorted() == ["sensor-1", "sensor-2"])

        let count = try await iotlab.run("az", "iot", "hub", "query", "-n", "e2e-hub", "-q", "SELECT COUNT() AS n FROM devices")
        #expect(try JSONValue(parsing: count.output) == [["n": 3]])

        let events = try await iotlab.run("events", "tail", "-n", "50", "-o", "json")
        #expect(events.status == 0)
        let kinds = try events.output.split(separator: "\n").map { try JSONValue(parsing: String($0))["kind"]?.stringValue ?? "" }
        #expect(kinds.prefix(3) == ["ResourceGroupCreated", "IotHubCreated", "DeviceCreated"])
        #expect(kinds.filter { $0 == "DeviceCreated" }.count == 3)
        #expect(kinds.filter { $0 == "TwinUpdated" }.count == 3)
        let lastTwo = try await iotlab.run("events", "tail", "-n", "2")
        #expect(lastTwo.output.split(separator: "\n").count == 2)
    }

    @Test func eventsTailFollowsChangesMadeByOtherCommands() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await #require(iotlab.run("az", "iot", "hub", "create", "--name", "follow-hub", "-o", "none").status == 0)
        let follower = iotlab.makeProcess(["events", "tail", "-n", "1", "--follow", "-o", "json"])
        let output = Pipe()
        follower.standardOutput = output
        let collected = CollectedOutput()
        output.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        defer { output.fileHandleForReading.readabilityHandler = nil }
        try follower.run()
        defer {
            follower.terminate()
            follower.waitUntilExit()
        }
        // The follower has read the journal once it prints the last event written before it started.
        try await collected.waitFor("IotHubCreated")
        try await #require(iotlab.run("az", "iot", "hub", "device-identity", "create", "-n", "follow-hub", "-d", "late-device", "-o", "none").status == 0)
        try await collected.waitFor("late-device")
        let kinds = try collected.text.split(separator: "\n").map { try JSONValue(parsing: String($0))["kind"]?.stringValue ?? "" }
        #expect(kinds == ["IotHubCreated", "DeviceCreated"])
    }

    @Test func infoNamesTheWorkspaceAndItsDatabase() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let info = try await iotlab.run("info")
        #expect(info.status == 0)
        #expect(info.output.contains(iotlab.home.path))
        #expect(info.output.contains("workspace.sqlite"))
        let version = try await iotlab.run("--version")
        #expect(version.output.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
    }

    @Test func exportResetAndImportRoundTrip() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await #require(iotlab.run("az", "iot", "hub", "create", "--name", "snap-hub").status == 0)
        try await #require(iotlab.run("az", "iot", "hub", "device-identity", "create", "-n", "snap-hub", "-d", "d1", "-o", "none").status == 0)

        #expect(try await iotlab.run("workspace", "export", "snapshot.json").status == 0)
        let refused = try await iotlab.run(["workspace", "reset"], input: "no\n")
        #expect(refused.status != 0)
        #expect(try await iotlab.run("az", "iot", "hub", "list", "--query", "length(@)").output.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        #expect(try await iotlab.run("workspace", "reset", "--yes").status == 0)
        #expect(try await iotlab.run("az", "iot", "hub", "list").output.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")

        #expect(try await iotlab.run("workspace", "import", "snapshot.json").status == 0)
        let device = try await iotlab.run("az", "iot", "hub", "device-identity", "show", "-n", "snap-hub", "-d", "d1")
        #expect(device.status == 0)
        #expect(try JSONValue(parsing: device.output)["deviceId"] == "d1")
    }
}

/// Output a child process writes while a test watches it, gathered from a pipe's handler.
final class CollectedOutput: @unchecked Sendable {
    // Guarded by `lock`: the pipe's handler runs on its own queue.
    private var data = Data()
    private let lock = NSLock()

    func append(_ chunk: Data) {
        lock.withLock { data.append(chunk) }
    }

    var text: String {
        lock.withLock { String(decoding: data, as: UTF8.self) }
    }

    /// Waits, for at most ten seconds, until `text` appears; fails the test if it never does.
    func waitFor(_ text: String) async throws {
        for _ in 0..<200 where !self.text.contains(text) {
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(self.text.contains(text), "no '\(text)' in: \(self.text)")
    }
}
