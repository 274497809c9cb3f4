import Foundation
import Testing

/// A real client written in Python (the Azure IoT SDKs, paho-mqtt), run against `iotlab serve`
/// as a learner's own code would run.
///
/// The interpreter is `$IOTLAB_PYTHON`, else `<package root>/.venv/bin/python3`, which
/// `scripts/install-deps` creates with `scripts/python-requirements.txt`. Scripts live in
/// `Tests/Clients/`, outside every target. Every run has a deadline: a client that hangs is
/// killed and the run reports it, because a hang is how a wrong reply shows up in the SDKs.
struct PythonClient {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        var timedOut: Bool

        /// The lines the script printed, for scripts that report one fact per line.
        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    let python: String

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scripts = packageRoot.appendingPathComponent("Tests/Clients")

    /// The interpreter if it can import `modules`, else a recorded failure saying how to get one.
    static func locate(importing modules: [String], sourceLocation: SourceLocation = #_sourceLocation) -> PythonClient? {
        let python = ProcessInfo.processInfo.environment["IOTLAB_PYTHON"]
            ?? packageRoot.appendingPathComponent(".venv/bin/python3").path
        let client = PythonClient(python: python)
        let probe = "import " + modules.joined(separator: ", ")
        guard FileManager.default.isExecutableFile(atPath: python),
              let result = try? client.run(arguments: ["-c", probe], timeout: 60), result.status == 0
        else {
            Issue.record(
                "\(python) cannot run '\(probe)'. Run scripts/install-deps (or set IOTLAB_PYTHON to an interpreter with scripts/python-requirements.txt installed).",
                sourceLocation: sourceLocation)
            return nil
        }
        return client
    }

    /// Runs `Tests/Clients/NAME` with `arguments` and extra environment variables, killing it
    /// after `timeout` seconds.
    func run(script name: String, _ arguments: [String] = [], environment: [String: String] = [:], timeout: TimeInterval = 60) throws -> Result {
        try run(arguments: [Self.scripts.appendingPathComponent(name).path] + arguments, environment: environment, timeout: timeout)
    }

    private func run(arguments: [String], environment: [String: String] = [:], timeout: TimeInterval) throws -> Result {
        // coreutils' timeout ends a hung client (TERM, then KILL 5 s later) and exits 124 when it had to.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(Int(timeout.rounded(.up))), python] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Standard error goes to a file so a chatty client cannot stall on a full pipe while
        // standard output is drained.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-client-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationStatus
        return Result(
            status: status, output: String(decoding: outputData, as: UTF8.self),
            errors: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "",
            timedOut: status == 124 || status == 137)
    }
}
