import Foundation
import JSONValue
import Testing

/// Runs a Python client (paho-mqtt, the Azure device SDK) from the venv against an in-process
/// server, without blocking the cooperative pool the server under test runs on.
///
/// The interpreter is `$IOTLAB_PYTHON`, else `<package root>/.venv/bin/python3` (`scripts/install-deps`
/// creates it). coreutils' `timeout` ends a hung client: a hang is how a wrong reply shows up in
/// the SDKs, and it fails the test instead of stalling the suite.
struct MQTTPythonScript {
    let python: String
    static let deadlineSeconds = 150

    /// The interpreter, or `nil` with a recorded failure saying how to get one.
    static func locate(sourceLocation: SourceLocation = #_sourceLocation) -> MQTTPythonScript? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = ProcessInfo.processInfo.environment["IOTLAB_PYTHON"] ?? root.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record(
                "\(python) is missing: run scripts/install-deps (or set IOTLAB_PYTHON to a venv with paho-mqtt<2 and azure-iot-device==2.14.0)",
                sourceLocation: sourceLocation)
            return nil
        }
        return MQTTPythonScript(python: python)
    }

    /// Runs `script` and returns the JSON of the last line it printed; `onLine` sees every line
    /// as it arrives, so a test can act while the client waits.
    func run(_ script: String, arguments: [String], onLine: @escaping @Sendable (String) -> Void = { _ in }) async throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(Self.deadlineSeconds), python, "-c", script] + arguments
        process.standardInput = FileHandle.nullDevice
        // Standard error goes to a file, shown only when the client fails: the SDK logs expected
        // disconnections there too.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-mqtt-client-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardError = errors
        let output = Pipe()
        process.standardOutput = output
        let lines = ScriptLines(onLine: onLine)
        output.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
        let status = try await withCheckedThrowingContinuation { (done: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { done.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { done.resume(throwing: error) }
        }
        output.fileHandleForReading.readabilityHandler = nil
        lines.append(output.fileHandleForReading.readDataToEndOfFile())
        #expect(
            status == 0,
            "the client exited with \(status) (124: it hung and was killed): \((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")")
        return try JSONValue(parsing: lines.last)
    }
}

/// A script's standard output split into lines as it arrives.
private final class ScriptLines: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = ""
    private var lines: [String] = []
    private let onLine: @Sendable (String) -> Void

    init(onLine: @escaping @Sendable (String) -> Void) {
        self.onLine = onLine
    }

    func append(_ data: Data) {
        let complete = lock.withLock {
            pending += String(decoding: data, as: UTF8.self)
            var complete: [String] = []
            while let newline = pending.firstIndex(of: "\n") {
                complete.append(String(pending[..<newline]))
                pending = String(pending[pending.index(after: newline)...])
            }
            lines += complete
            return complete
        }
        complete.forEach(onLine)
    }

    var last: String {
        lock.withLock { pending.isEmpty ? lines.last ?? "" : pending }
    }
}
