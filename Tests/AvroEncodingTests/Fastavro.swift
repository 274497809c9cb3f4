import Foundation
import TestSupport
import Testing

/// Python's `fastavro`, the independent Avro implementation the tests check files against, run
/// with the venv's interpreter through TestSupport's `ChildProcess`.
struct Fastavro {
    let python: String

    /// The interpreter, or a recorded failure saying how to provide one.
    static func locate(sourceLocation: SourceLocation = #_sourceLocation) async -> Fastavro? {
        await PythonInterpreter.required(importing: ["fastavro"], sourceLocation: sourceLocation).map { Fastavro(python: $0) }
    }

    /// Runs a Python script with arguments; returns the exit status, standard output and error.
    func run(script: String, arguments: [String] = []) async throws -> (status: Int32, output: String, error: String) {
        let result = try await ChildProcess.run(python, ["-c", script] + arguments)
        return (result.status, result.output, result.errors)
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
