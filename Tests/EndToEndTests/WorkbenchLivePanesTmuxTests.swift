import Foundation
import TestSupport
import Testing

/// The Devices and Telemetry panes in the built `iotlab` inside tmux: lab 2's device is
/// simulated from the Devices pane, its telemetry streams into the Telemetry pane with a
/// sparkline of temperature, and `x` stops it.
@Suite struct WorkbenchLivePanesTmuxTests {
    @Test func simulateLabTwosDeviceFromDevicesAndWatchItsTemperatureInTelemetry() async throws {
        guard let (iotlab, tmux) = try await WorkbenchTmuxTests.Tmux.workbench() else { return }
        defer { iotlab.cleanUp() }
        defer { Task { [tmux] in _ = try? await tmux.run(["kill-server"]) } }
        #expect(try await tmux.waitFor("Connect a device and send telemetry").found)

        // Lab 2's setup creates the hub and sensor-th-0001; the Console creates one more device.
        try await tmux.keys("Down")
        try await tmux.keys("Enter")
        #expect(try await tmux.waitFor("✗ cave-telemetry").found)
        try await tmux.keys("1")
        try await tmux.type("iot hub device-identity create --hub-name iot-az220-training --device-id sensor-th-0002")
        try await tmux.keys("Enter")
        #expect(try await tmux.waitFor("\"deviceId\": \"sensor-th-0002\"").found)

        try await tmux.keys("Escape")
        try await tmux.keys("3")
        let listed = try await tmux.waitFor("○   sensor-th-0001")
        #expect(listed.found, "devices:\n\(listed.screen)")
        try await tmux.keys("s")
        let simulated = try await tmux.waitFor("● ▶ sensor-th-0001")
        #expect(simulated.found, "after s:\n\(simulated.screen)")
        #expect(simulated.screen.contains("Simulating sensor-th-0001"))
        let active = try await tmux.waitFor("last message ")
        #expect(active.found, "devices:\n\(active.screen)")

        try await tmux.keys("Escape")
        try await tmux.keys("4")
        let telemetry = try await tmux.waitFor("\"temperatureAlert\": ")
        #expect(telemetry.found, "telemetry:\n\(telemetry.screen)")
        // One message a second: five turn the step's check green, and draw the sparkline.
        let chart = try await tmux.waitFor("✓ cave-telemetry")
        #expect(chart.found, "telemetry:\n\(chart.screen)")
        #expect(chart.screen.contains("\"origin\": \"sensor-th-0001\""))
        #expect(chart.screen.contains("temperature  last "))
        print("Telemetry pane as captured by tmux:\n\(chart.screen)")

        try await tmux.keys("Escape")
        try await tmux.keys("3")
        try await tmux.keys("x")
        let stopped = try await tmux.waitFor("Stopped sensor-th-0001 after")
        #expect(stopped.found, "after x:\n\(stopped.screen)")
        #expect(try await tmux.waitFor("not simulated (s starts").found)
        print("Devices pane as captured by tmux:\n\(stopped.screen)")

        try await tmux.keys("Escape")
        #expect(try await tmux.quitWorkbench())
    }
}
