import Foundation

/// Runs a Python script with `IOTLAB_PYTHON` and returns its standard output; a non-zero exit is
/// an error carrying standard error, and a script still running after `timeout` seconds is
/// killed (coreutils `timeout`), so a hanging SDK call fails the test instead of stalling it.
///
/// The blocking wait runs on a Dispatch thread, not on Swift's cooperative pool: the server under
/// test needs every pool thread it can get while the script talks to it.
enum PythonScript {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ source: String, environment: [String: String], timeout: Int = 120) async throws -> String {
        guard let python = ProcessInfo.processInfo.environment["IOTLAB_PYTHON"] else {
            throw Failure(description: "IOTLAB_PYTHON is not set")
        }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(python: python, source: source, environment: environment, timeout: timeout) })
            }
        }
    }

    private static func runBlocking(python: String, source: String, environment: [String: String], timeout: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(timeout), python, "-c", source]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Standard error goes to a file so a chatty script cannot stall on a full pipe.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-rest-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            let reason = process.terminationStatus == 124 ? "timed out after \(timeout) s" : "exited \(process.terminationStatus)"
            throw Failure(description: "python \(reason): \(stderr)\n\(stdout)")
        }
        return stdout
    }
}
