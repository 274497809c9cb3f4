import Foundation
import TestSupport
import Testing

/// The Twin and Methods panes as a learner uses them in lab 4, in the built `iotlab` inside tmux:
/// a desired property edited in the twin editor and sent with ctrl-s shows the new `$version`;
/// a direct method on the device, which is not running, shows 404103 DeviceNotOnline.
@Suite struct WorkbenchTwinTmuxTests {
    /// The first match of `pattern`'s capture groups in `text`, as integers.
    func numbers(_ pattern: String, in text: String) -> [Int]? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).compactMap { index in
            Range(match.range(at: index), in: text).flatMap { Int(text[$0]) }
        }
    }

    @Test func labFourTwinEditSendsAPatchAndAMethodOnAnOfflineDeviceIsDeviceNotOnline() async throws {
        guard let (iotlab, tmux) = try await WorkbenchTmuxTests.Tmux.workbench() else { return }
        defer { Task { [tmux] in _ = try? await tmux.run(["kill-server"]) } }
        #expect(try await tmux.waitFor("Monitor and control devices").found)

        try await tmux.keys("/")
        try await tmux.type("monitor")
        try await tmux.keys("Enter")
        try await tmux.keys("Enter")
        #expect(try await tmux.waitFor("Step 1/3").found)

        // The Twin pane lists the lab's device once the lab's setup registered it.
        try await tmux.keys("5")
        let picker = try await tmux.waitFor("○ sensor-th-0055")
        #expect(picker.found, "twin picker:\n\(picker.screen)")
        try await tmux.keys("Enter")
        let loaded = try await tmux.waitFor("version 1 · desired $version 1")
        #expect(loaded.found, "twin:\n\(loaded.screen)")

        // Page down until the desired section is on screen, then walk the cursor to it.
        var screen = loaded.screen
        for _ in 0..<4 where !screen.contains("\"desired\": {") {
            try await tmux.keys("PageDown")
            screen = try await tmux.waitFor("\"desired\": {", seconds: 5).screen
        }
        let desiredLine = try #require(numbers(#"(\d+) +"desired": \{"#, in: screen)?.first, "no desired line:\n\(screen)")
        let cursorLine = try #require(numbers(#"valid JSON +(\d+):\d+"#, in: screen)?.first, "no cursor position:\n\(screen)")
        let moves = desiredLine - cursorLine
        for _ in 0..<abs(moves) { try await tmux.keys(moves > 0 ? "Down" : "Up") }
        try await tmux.keys("End")
        try await tmux.keys("Enter")
        try await tmux.type("\"fanOn\": true,")
        try await tmux.keys("C-s")
        let patched = try await tmux.waitFor("version 2 · desired $version 2")
        #expect(patched.found, "after ctrl-s:\n\(patched.screen)")
        #expect(patched.screen.contains("✓ patch applied"))
        print("Twin pane as captured by tmux:\n\(patched.screen)")

        // The hub has the patch: another shell reads it through the workbench's control socket.
        let twin = try await iotlab.run("az", "iot", "hub", "device-twin", "show", "-n", "iot-az220-training", "-d", "sensor-th-0055", "--query", "properties.desired.fanOn")
        #expect(twin.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true", "\(twin.errors)")

        try await tmux.keys("Escape")
        try await tmux.keys("6")
        #expect(try await tmux.waitFor("Direct method · iot-az220-training").found)
        try await tmux.type("sensor-th-0055")
        try await tmux.keys("Tab")
        try await tmux.type("SetFanState")
        try await tmux.keys("C-s")
        let offline = try await tmux.waitFor("404103")
        #expect(offline.found, "after invoking:\n\(offline.screen)")
        #expect(offline.screen.contains("DeviceNotOnline"))
        print("Methods pane as captured by tmux:\n\(offline.screen)")

        try await tmux.keys("Escape")
        #expect(try await tmux.quitWorkbench())
    }
}
