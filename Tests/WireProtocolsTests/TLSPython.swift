import Foundation
import Testing

/// The Python interpreter whose `ssl` module stands in for the Azure device SDK's TLS client (the
/// SDK builds an `ssl.SSLContext(PROTOCOL_TLSv1_2)` with host-name checking).
///
/// It is `$IOTLAB_PYTHON`, else `<package root>/.venv/bin/python3`, the venv CI creates for the real
/// Azure SDKs.
struct TLSPython {
    let python: String

    /// The interpreter, or a recorded failure saying how to provide one.
    static func locate(sourceLocation: SourceLocation = #_sourceLocation) -> TLSPython? {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let python = ProcessInfo.processInfo.environment["IOTLAB_PYTHON"]
            ?? packageRoot.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record(
                """
                A Python 3 interpreter is needed to check TLS as the Azure SDKs do it, and \(python) is missing. \
                Create it with: python3 -m venv .venv (or set IOTLAB_PYTHON).
                """, sourceLocation: sourceLocation)
            return nil
        }
        return TLSPython(python: python)
    }

    /// Runs a script with arguments; returns the exit status, standard output and error. Scripts set
    /// their own socket timeouts, so a server that never answers fails the test instead of hanging it.
    func run(script: String, arguments: [String]) throws -> (status: Int32, output: String, error: String) {
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
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Connects like the device SDK: TLS 1.2 only, the CA given as PEM text (`cadata`), host name
    /// checked against `serverHostname`, optionally presenting a client certificate. Prints the
    /// negotiated version.
    static let deviceSDKHandshake = """
        import socket, ssl, sys, warnings
        warnings.simplefilter("ignore", DeprecationWarning)
        port, ca_file, host = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        context = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
        context.verify_mode = ssl.CERT_REQUIRED
        context.check_hostname = True
        context.load_verify_locations(cadata=open(ca_file).read())
        if len(sys.argv) > 5:
            context.load_cert_chain(sys.argv[4], sys.argv[5])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname=host) as tls:
                print(tls.version())
        """
}
