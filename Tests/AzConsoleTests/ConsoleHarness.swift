import AzConsole
import Foundation
import LabCore
import LocalCloud
import WorkspaceStore

/// An in-process console over a fresh in-memory cloud, run with shell-like command lines.
struct ConsoleHarness {
    let console: AzConsole
    let cloud: LocalCloud
    let directory: URL

    init() throws {
        cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: ManualClock())
        console = AzConsole(cloud: cloud)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("azconsole-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A console whose cloud has resource group `rg` and S1 hub `hub1`, plus the given devices.
    static func withHub(devices: [String] = []) async throws -> ConsoleHarness {
        let az = try ConsoleHarness()
        _ = try await az.output("group create -n rg -l westus -o none")
        _ = try await az.output("iot hub create -n hub1 -g rg -o none")
        for device in devices { _ = try await az.output("iot hub device-identity create -n hub1 -d \(device) -o none") }
        return az
    }

    /// Runs `az <line>`; the line is split as a shell splits it (single and double quotes).
    @discardableResult
    func run(_ line: String) async -> ConsoleResult {
        await console.run(Self.words(line), workingDirectory: directory)
    }

    /// Runs a command that must succeed and returns what it printed.
    func output(_ line: String) async throws -> String {
        let result = await run(line)
        guard result.exitCode == 0 else { throw HarnessFailure(line: line, result: result) }
        return result.standardOutput
    }

    func write(_ text: String, to name: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    let line: String
    let result: ConsoleResult
    var description: String { "az \(line) exited \(result.exitCode): \(result.standardError)" }
}
