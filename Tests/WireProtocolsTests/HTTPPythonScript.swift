import Foundation

/// Runs a Python script with `IOTLAB_PYTHON` and returns its standard output; a non-zero exit is
/// an error carrying standard error, and a script still running after `timeout` is killed, so a
/// hanging SDK call fails the test instead of stalling it.
enum PythonScript {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ source: String, environment: [String: String], timeout: Duration = .seconds(120)) async throws -> String {
        guard let python = ProcessInfo.processInfo.environment["IOTLAB_PYTHON"] else {
            throw Failure(description: "IOTLAB_PYTHON is not set")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", source]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let finished = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.finish() }
        }
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        // Read before waiting: a full pipe would otherwise block the script.
        async let outText = output.fileHandleForReading.readToEnd()
        async let errorText = errors.fileHandleForReading.readToEnd()
        let (out, err) = try await (outText, errorText)
        for await _ in finished {}
        watchdog.cancel()
        let stdout = String(decoding: out ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python exited \(process.terminationStatus): \(String(decoding: err ?? Data(), as: UTF8.self))\n\(stdout)")
        }
        return stdout
    }
}
