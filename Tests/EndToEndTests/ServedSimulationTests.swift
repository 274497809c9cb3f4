import Foundation
import JSONValue
import Testing

/// A simulated device hosted by `iotlab serve`, driven from other shells as a learner would:
/// started, invoked, sent a C2D message, reconfigured through its twin, listed, stopped.
@Suite(.serialized) struct ServedSimulationTests {
    @Test(.timeLimit(.minutes(2)))
    func aDeviceRunningUnderServeAnswersMethodsSettlesC2DAndReportsDesiredProperties() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("sim-hub", devices: ["fan-1"])
        let definition = iotlab.workingDirectory.appendingPathComponent("fan.json")
        try Data(#"""
            {"name": "fan", "deviceId": "fan-1", "intervalSeconds": 3600,
             "messages": [{"template": {"on": true}}],
             "twin": {"reportDesired": true},
             "methods": {"SetFanState": {"status": 200, "payload": {"result": "Executed $.MethodName"}}},
             "cloudToDevice": "complete"}
            """#.utf8).write(to: definition)

        let printed = Pipe()
        let server = try await iotlab.startServing(output: printed)
        defer {
            if server.isRunning { server.terminate() }
            server.waitUntilExit()
        }

        let started = try await iotlab.run("sim", "start", definition.path, "-n", "sim-hub")
        try #require(started.status == 0, "\(started.errors)")
        #expect(started.output.contains("Simulating fan-1 on sim-hub with fan"))

        let invoked = try await iotlab.run(
            "az", "iot", "hub", "invoke-device-method", "-n", "sim-hub", "-d", "fan-1", "--method-name", "SetFanState",
            "--method-payload", #"{"state": "on"}"#)
        try #require(invoked.status == 0, "\(invoked.errors)")
        #expect(try JSONValue(parsing: invoked.output) == ["payload": ["result": "Executed SetFanState"], "status": 200], "\(invoked.output)")

        try await #require(iotlab.run("az", "iot", "device", "c2d-message", "send", "-n", "sim-hub", "-d", "fan-1", "--data", "hello").status == 0)
        try await #require(iotlab.run("az", "iot", "hub", "device-twin", "update", "-n", "sim-hub", "-d", "fan-1", "--desired", #"{"speed": 3}"#, "-o", "none").status == 0)
        var reported: JSONValue?
        for _ in 0..<100 {
            reported = try await JSONValue(parsing: iotlab.run("az", "iot", "hub", "device-twin", "show", "-n", "sim-hub", "-d", "fan-1").output)["properties"]?["reported"]?["speed"]
            if reported != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(reported == 3)

        let listed = try await iotlab.run("sim", "list", "-n", "sim-hub")
        #expect(listed.output.contains("fan-1"))
        #expect(listed.output.contains("running"))
        let stopped = try await iotlab.run("sim", "stop", "-n", "sim-hub", "-d", "fan-1")
        #expect(stopped.output.hasPrefix("Stopped fan-1 after 1 messages"))

        server.interrupt()
        server.waitUntilExit()
        let activity = String(decoding: printed.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(activity.contains("fan-1 answered method SetFanState with 200"))
        #expect(activity.contains("fan-1 received C2D hello and completed it"))
        #expect(activity.contains(#"fan-1 reported {"speed":3}"#))
    }
}
