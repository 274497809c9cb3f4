import Foundation
import TestSupport
import Testing

/// A real client written in Python (the Azure IoT SDKs, paho-mqtt), run against `iotlab serve`
/// as a learner's own code would run: a script from `Tests/Clients` with the venv's interpreter.
struct PythonClient {
    let python: String

    /// The interpreter if it can import `modules`, else a recorded failure saying how to get one.
    static func locate(importing modules: [String], sourceLocation: SourceLocation = #_sourceLocation) async -> PythonClient? {
        await PythonInterpreter.required(importing: modules, sourceLocation: sourceLocation).map { PythonClient(python: $0) }
    }

    /// Runs `Tests/Clients/NAME` with `arguments` and extra environment variables, killed after
    /// `timeout` seconds.
    func run(script name: String, _ arguments: [String] = [], environment: [String: String] = [:], timeout: Int = 90) async throws -> ChildProcess.Result {
        try await ChildProcess.run(
            python, [PythonInterpreter.clientScripts.appendingPathComponent(name).path] + arguments, environment: environment,
            timeoutSeconds: timeout)
    }
}
