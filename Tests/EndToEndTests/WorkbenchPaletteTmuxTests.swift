import Foundation
import TestSupport
import Testing

/// The `:` palette in a real terminal: the built `iotlab` in tmux, driven with send-keys.
@Suite struct WorkbenchPaletteTmuxTests {
    @Test func colonOpensThePaletteTypingFiltersToTelemetryAndEnterGoesThere() async throws {
        guard (try? await ChildProcess.run("/usr/bin/env", ["tmux", "-V"], timeoutSeconds: 10).status) == 0 else {
            Issue.record("tmux is not installed")
            return
        }
        let iotlab = try IoTLabProcess()
        let tmux = WorkbenchTmuxTests.Tmux()
        defer { Task { [tmux] in _ = try? await tmux.run(["kill-server"]) } }
        try await tmux.start("IOTLAB_HOME='\(iotlab.home.path)' '\(IoTLabProcess.binary.path)' --mqtt-port 0 --https-port 0")
        let home = try await tmux.waitFor("Create an IoT hub and register a device")
        #expect(home.found, "home screen:\n\(home.screen)")
        #expect(home.screen.contains(": commands"))

        try await tmux.type(":lab 2")
        try await tmux.keys("Enter")
        let lab = try await tmux.waitFor("Step 1/")
        #expect(lab.found, "lab 2:\n\(lab.screen)")
        #expect(lab.screen.contains("Connect a device and send telemetry"))

        try await tmux.type(":tele")
        // Keys are drawn as they arrive: wait for the frame after the last letter.
        let palette = try await tmux.waitFor(":tele")
        #expect(palette.found, "palette:\n\(palette.screen)")
        #expect(palette.screen.contains("go to the Telemetry pane"))
        #expect(!palette.screen.contains("go to the Console pane"))
        try await tmux.keys("Enter")
        let telemetry = try await tmux.waitFor("watching the built-in endpoint")
        #expect(telemetry.found, "after enter:\n\(telemetry.screen)")
        #expect(!telemetry.screen.contains("go to the Telemetry pane"))
        #expect(telemetry.screen.contains("p pause"))

        try await tmux.type(":quit")
        try await tmux.keys("Enter")
        #expect(try await tmux.waitFor("Quit the workbench?").found)
        try await tmux.keys("y")
        #expect(try await tmux.waitForExit())
        try await tmux.run(["kill-server"])
        try? FileManager.default.removeItem(atPath: tmux.socket)
    }
}
