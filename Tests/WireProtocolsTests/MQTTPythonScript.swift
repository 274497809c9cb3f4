import Foundation
import JSONValue
import TestSupport
import Testing

/// Runs an inline Python client (paho-mqtt, the Azure SDKs) from the venv against an in-process
/// server, through TestSupport's `ChildProcess` (off the cooperative pool the server runs on,
/// with a hard deadline). `Tests/Clients` is on the script's `PYTHONPATH`, so scripts share its
/// modules (the SDK tunnel to a free MQTT port).
struct MQTTPythonScript {
    let python: String
    static let deadlineSeconds = 150

    /// The interpreter, or `nil` with a recorded failure saying how to get one.
    static func locate(sourceLocation: SourceLocation = #_sourceLocation) -> MQTTPythonScript? {
        let python = PythonInterpreter.path
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
        let result = try await ChildProcess.run(
            python, ["-c", script] + arguments, environment: ["PYTHONPATH": PythonInterpreter.clientScripts.path],
            timeoutSeconds: Self.deadlineSeconds, onLine: onLine)
        #expect(result.status == 0, "the client exited with \(result.status) (124: it hung and was killed): \(result.errors)")
        return try JSONValue(parsing: result.lines.last ?? "")
    }
}
