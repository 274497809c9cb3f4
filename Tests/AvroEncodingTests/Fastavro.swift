import Foundation
import Testing

/// Python's `fastavro`, the independent Avro implementation the tests check files against.
///
/// The interpreter is `$IOTLAB_PYTHON`, else `<package root>/.venv/bin/python3` (CI creates that
/// venv with `pip install fastavro`).
struct Fastavro {
    let python: String

    /// The interpreter, or a recorded failure saying how to provide one.
    static func locate(sourceLocation: SourceLocation = #_sourceLocation) -> Fastavro? {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let python = ProcessInfo.processInfo.environment["IOTLAB_PYTHON"]
            ?? packageRoot.appendingPathComponent(".venv/bin/python3").path
        let candidate = Fastavro(python: python)
        guard FileManager.default.isExecutableFile(atPath: python),
            let probe = try? candidate.run(script: "import fastavro"), probe.status == 0
        else {
            Issue.record(
                """
                fastavro is needed to check Avro files with an independent reader, and \(python) cannot import it. \
                Create it with: python3 -m venv .venv && .venv/bin/pip install fastavro \
                (or set IOTLAB_PYTHON to an interpreter that has fastavro).
                """, sourceLocation: sourceLocation)
            return nil
        }
        return candidate
    }

    /// Runs a Python script with arguments; returns the exit status, standard output and error.
    func run(script: String, arguments: [String] = []) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

/// A file in a fresh temporary directory, removed when the test is done with it.
struct TemporaryFile: ~Copyable {
    let url: URL

    init(named name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-avro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
    }

    deinit { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
}
