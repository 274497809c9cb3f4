import Foundation
import TestSupport
import Testing

/// `iotlab lab ...` as a learner, an instructor or CI runs it: the built binary on a private
/// workspace, with the repository's `Labs/`.
@Suite struct LabCommandTests {
    static let labsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Labs")

    @Test func theLabLoopRunsFromTheCommandLineAndKeepsProgress() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let ids = try await iotlab.run("lab", "list", "--ids")
        #expect(ids.output == "hub-and-device\ndevice-telemetry\nmessage-routing\nmonitor-control\n")
        let lint = try await iotlab.run("lab", "lint", Self.labsFolder.path)
        #expect(lint.status == 0, "\(lint.errors)")
        let start = try await iotlab.run("lab", "start", "1")
        #expect(start.status == 0)
        #expect(start.output.contains("Step 1 of 2: Create the IoT hub"))
        let failing = try await iotlab.run("lab", "check", "hub-and-device")
        #expect(failing.status == 1)
        #expect(failing.output.contains("✗ hub-s1-4-partitions"))
        #expect(failing.output.contains("actual:   no IoT hub named iot-az220-training"))
        try #require(try await iotlab.run("az", "iot", "hub", "create", "--name", "iot-az220-training", "--sku", "S1", "-o", "none").status == 0)
        let passing = try await iotlab.run("lab", "check", "hub-and-device")
        #expect(passing.status == 0)
        #expect(passing.output.contains("✓ hub-s1-4-partitions: IoT hub iot-az220-training, SKU S1, 4 partitions"))
        #expect(try await iotlab.run("lab", "hint", "1").output.hasPrefix("Hint 1 of 2: Device identities live under"))
        let solved = try await iotlab.run("lab", "solve", "1")
        #expect(solved.status == 0)
        #expect(solved.output.contains("$ az iot hub device-identity create --hub-name iot-az220-training --device-id sensor-th-0001"))
        #expect(solved.output.contains("Step done ✓ Lab complete."))
        let list = try await iotlab.run("lab", "list")
        #expect(list.output.contains("hub-and-device  Create an IoT hub and register a device  (20 min, done)"))
        let show = try await iotlab.run("lab", "show", "hub-and-device")
        #expect(show.output.contains("✓ 1. Create the IoT hub [create-hub]"))
    }

    @Test func lintRefusesABrokenLabWithFileAndLine() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let lab = iotlab.workingDirectory.appendingPathComponent("Labs/01-broken")
        try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
        try "id: broken\ntitle: [oops\n".write(to: lab.appendingPathComponent("lab.yaml"), atomically: true, encoding: .utf8)
        let lint = try await iotlab.run("lab", "lint", "Labs")
        #expect(lint.status == 1)
        #expect(lint.errors.hasPrefix("Labs/01-broken/lab.yaml:"))
        #expect(lint.errors.contains("YAML syntax"))
    }

    @Test func whileServingTheLabsSimulatedDeviceRunsInTheServerAndIsGraded() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let server = try await iotlab.startServing()
        defer {
            server.interrupt()
            server.waitUntilExit()
        }
        try #require(try await iotlab.run("lab", "start", "monitor-control").status == 0)
        let device = try await iotlab.run("lab", "solve", "monitor-control")
        #expect(device.status == 0, "\(device.output)\(device.errors)")
        #expect(device.output.contains("✓ fanstate-reported"))
        let method = try await iotlab.run("lab", "solve", "monitor-control")
        #expect(method.status == 0, "\(method.output)\(method.errors)")
        #expect(method.output.contains("✓ setfanstate-200: answered 200"))
        let twin = try await iotlab.run("lab", "solve", "monitor-control")
        #expect(twin.status == 0, "\(twin.output)\(twin.errors)")
        #expect(twin.output.contains("✓ reported-temperature: properties.reported.temperature is \"50\""))
    }

    /// The lab's Python solution with the real azure-iot-device SDK passes the step it solves.
    @Test func thePythonSolutionOfLabTwoPassesItsCheck() async throws {
        guard let fixture = try await RealClientFixture.start(hub: "iot-az220-training", devices: ["sensor-th-0001"]) else { return }
        defer { fixture.stop() }
        let lab = fixture.lab
        #expect(try await lab.run("lab", "check", "device-telemetry", "--step", "python-device").status == 1)
        let script = Self.labsFolder.appendingPathComponent("02-device-telemetry/solution/cave_device.py").path
        // The SDK always dials 8883; the test's server listens on a free port.
        let prelude = """
            import os, runpy, sys
            import paho.mqtt.client as mqtt
            _connect = mqtt.Client.connect
            mqtt.Client.connect = lambda self, host, port=1883, keepalive=60, *a, **k: _connect(self, host, int(os.environ["IOTLAB_MQTT_PORT"]), keepalive, *a, **k)
            sys.argv = sys.argv[1:]
            runpy.run_path(sys.argv[0], run_name="__main__")
            """
        let run = try await ChildProcess.run(
            fixture.python.python, ["-c", prelude, script, try await fixture.deviceConnectionString("sensor-th-0001"), fixture.endpoints.caFile.path, "5", "0"],
            environment: fixture.environment, timeoutSeconds: 90)
        try #require(run.status == 0, "cave_device.py: \(run.errors)")
        let check = try await lab.run("lab", "check", "device-telemetry", "--step", "python-device")
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("✓ json-telemetry: 5 such messages"))
    }
}
