import Foundation
import TestSupport
import Testing

/// The `:` palette in a real terminal: the built `iotlab` in tmux, driven with send-keys.
@Suite struct WorkbenchPaletteTmuxTests {
    @Test func colonOpensThePaletteTypingFiltersToTelemetryAndEnterGoesThere() async throws {
        guard let (_, tmux) = try await WorkbenchTmuxTests.Tmux.workbench() else { return }
        defer { Task { [tmux] in _ = try? await tmux.run(["kill-server"]) } }
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
        try await tmux.close()
    }
}
