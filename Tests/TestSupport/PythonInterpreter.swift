import Foundation
import Testing

/// The Python the tests run real clients with: `$IOTLAB_PYTHON`, else `<package root>/.venv/bin/python3`,
/// the venv `scripts/install-deps` creates from `scripts/python-requirements.txt` (fastavro, the
/// Azure IoT SDKs, paho-mqtt).
public enum PythonInterpreter {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Tests/Clients`, where the client scripts live (outside every target).
    public static let clientScripts = packageRoot.appendingPathComponent("Tests/Clients")

    /// The interpreter's path, whether or not it exists.
    public static var path: String {
        ProcessInfo.processInfo.environment["IOTLAB_PYTHON"] ?? packageRoot.appendingPathComponent(".venv/bin/python3").path
    }

    /// The interpreter if it can import `modules`, else `nil` and the reason, saying how to get one.
    public static func locate(importing modules: [String]) async -> (path: String?, problem: String?) {
        let python = path
        let probe = "import " + modules.joined(separator: ", ")
        guard FileManager.default.isExecutableFile(atPath: python),
              let result = try? await ChildProcess.run(python, ["-c", probe], timeoutSeconds: 60), result.status == 0
        else {
            return (nil, "\(python) cannot run '\(probe)'. Run scripts/install-deps, or set IOTLAB_PYTHON to an interpreter with scripts/python-requirements.txt installed.")
        }
        return (python, nil)
    }

    /// The interpreter if it can import `modules`, else `nil` and a recorded test failure saying
    /// how to get one (a missing client fails the test; it never skips it).
    public static func required(importing modules: [String], sourceLocation: SourceLocation = #_sourceLocation) async -> String? {
        let (path, problem) = await locate(importing: modules)
        if path == nil { Issue.record(Comment(rawValue: problem ?? "no Python"), sourceLocation: sourceLocation) }
        return path
    }
}
