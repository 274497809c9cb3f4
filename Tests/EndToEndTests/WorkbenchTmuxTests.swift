import Foundation
import TestSupport
import Testing

/// The workbench as a learner meets it: the built `iotlab` with no arguments inside a real
/// terminal (tmux, 120×32), driven with send-keys and read with capture-pane.
@Suite struct WorkbenchTmuxTests {
    /// A tmux server of this test's own, so nothing else's sessions are touched.
    struct Tmux {
        /// The server's socket, in the temporary folder so nothing is left behind in tmux's own.
        let socket = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-wb-\(UUID().uuidString.prefix(8)).sock").path

        @discardableResult
        func run(_ arguments: [String]) async throws -> ChildProcess.Result {
            try await ChildProcess.run("/usr/bin/env", ["tmux", "-S", socket] + arguments, timeoutSeconds: 20)
        }

        func screen() async throws -> String {
            try await run(["capture-pane", "-p", "-t", "wb"]).output
        }

        /// Polls the pane until it shows `text` or the deadline passes; returns the last capture.
        func waitFor(_ text: String, seconds: Double = 60) async throws -> (found: Bool, screen: String) {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try await screen()
                if last.contains(text) { return (true, last) }
                try await Task.sleep(for: .milliseconds(100))
            }
            return (false, last)
        }

        /// Polls until the session has ended (the program quit).
        func waitForExit(seconds: Double = 30) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try await run(["has-session", "-t", "wb"]).status != 0 { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }

        /// Starts the session. Through `bash`, which first closes every descriptor above 2 and
        /// sends output to /dev/null: the tmux server it forks would otherwise inherit the test's
        /// output pipe and hold it open, and the run would never end.
        func start(_ command: String) async throws {
            let quoted = command.replacingOccurrences(of: "\"", with: "\\\"")
            let script = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null; done; "#
                + "exec tmux -S \(socket) new-session -d -s wb -x 120 -y 32 \"\(quoted)\" >/dev/null 2>&1 </dev/null"
            _ = try await ChildProcess.run("/bin/bash", ["-c", script], timeoutSeconds: 20)
        }

        func keys(_ keys: String...) async throws {
            try await run(["send-keys", "-t", "wb"] + keys)
        }

        func type(_ text: String) async throws {
            try await run(["send-keys", "-t", "wb", "-l", text])
        }

        /// The built `iotlab` workbench started in a tmux server of its own on a fresh workspace
        /// (front doors on free ports); `nil`, with the test failed, when tmux is not installed.
        /// The caller ends the server (`quitWorkbench()` or `close()`).
        static func workbench() async throws -> (IoTLabProcess, Self)? {
            guard (try? await ChildProcess.run("/usr/bin/env", ["tmux", "-V"], timeoutSeconds: 10).status) == 0 else {
                Issue.record("tmux is not installed")
                return nil
            }
            let iotlab = try IoTLabProcess()
            let tmux = Self()
            try await tmux.start(Self.command(iotlab))
            return (iotlab, tmux)
        }

        /// The command line that starts the workbench on `iotlab`'s workspace.
        static func command(_ iotlab: IoTLabProcess) -> String {
            "IOTLAB_HOME='\(iotlab.home.path)' '\(IoTLabProcess.binary.path)' --mqtt-port 0 --https-port 0"
        }

        /// Quits as a learner does (`q`, then `y` at the confirmation) and ends the tmux server;
        /// whether the workbench exited.
        func quitWorkbench() async throws -> Bool {
            try await keys("q")
            guard try await waitFor("Quit the workbench?").found else { return false }
            try await keys("y")
            let exited = try await waitForExit()
            try await close()
            return exited
        }

        /// Ends the tmux server and removes its socket.
        func close() async throws {
            try await run(["kill-server"])
            try? FileManager.default.removeItem(atPath: socket)
        }
    }

    @Test func openHomeStartLabOneTurnACheckGreenQuitAndFindTheProgressKept() async throws {
        guard let (iotlab, tmux) = try await Tmux.workbench() else { return }
        defer { Task { [tmux] in _ = try? await tmux.run(["kill-server"]) } }
        let home = try await tmux.waitFor("Create an IoT hub and register a device")
        #expect(home.found, "home screen:\n\(home.screen)")
        #expect(home.screen.contains("Course map"))
        #expect(try await tmux.waitFor("mqtts://").found)

        try await tmux.keys("Enter")
        let failing = try await tmux.waitFor("✗ hub-s1-4-partitions")
        #expect(failing.found, "lab runner:\n\(failing.screen)")

        // Another shell's az goes through the workbench's control socket.
        let other = try await iotlab.run("az", "iot", "hub", "list", "-o", "tsv")
        #expect(other.status == 0, "\(other.errors)")

        try await tmux.keys("1")
        try await tmux.type("iot hub create --name iot-az220-training --sku S1 --partition-count 4")
        try await tmux.keys("Enter")
        let green = try await tmux.waitFor("✓ hub-s1-4-partitions")
        #expect(green.found, "after the console command:\n\(green.screen)")
        print("Lab runner as captured by tmux:\n\(green.screen)")

        try await tmux.keys("Escape")
        try await tmux.keys("q")
        #expect(try await tmux.waitFor("Quit the workbench?").found)
        try await tmux.keys("y")
        #expect(try await tmux.waitForExit())

        try await tmux.start(Tmux.command(iotlab))
        let again = try await tmux.waitFor("Continue where you left off")
        #expect(again.found, "after restart:\n\(again.screen)")
        #expect(again.screen.contains("1/2 steps"))
        try await tmux.keys("q")
        #expect(try await tmux.waitForExit())
        try await tmux.close()

        let log = try String(contentsOf: iotlab.home.appendingPathComponent("workbench.log"), encoding: .utf8)
        let firstFrames = log.split(separator: "\n").filter { $0.contains("first frame after") }
        #expect(firstFrames.count == 2)
        print("Start to first frame: " + firstFrames.map { String($0.split(separator: " ").suffix(2).joined(separator: " ")) }.joined(separator: ", "))
    }
}
