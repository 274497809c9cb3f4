import Foundation
import TestSupport
import Testing

/// Python's `ssl`, standing in for the Azure device SDK's TLS client (the SDK builds an
/// `ssl.SSLContext(PROTOCOL_TLSv1_2)` with host-name checking), run through the tests' shared
/// runner: off the cooperative pool and with a deadline.
struct TLSPython {
    let python: String

    /// The interpreter, or a recorded failure saying how to provide one.
    static func locate(sourceLocation: SourceLocation = #_sourceLocation) async -> TLSPython? {
        await PythonInterpreter.required(importing: ["ssl"], sourceLocation: sourceLocation).map { TLSPython(python: $0) }
    }

    /// Runs ``deviceSDKHandshake`` with `arguments`.
    func handshake(_ arguments: [String]) async throws -> ChildProcess.Result {
        try await ChildProcess.run(python, ["-c", Self.deviceSDKHandshake] + arguments, timeoutSeconds: 30)
    }

    /// Connects like the device SDK: TLS 1.2 only, the CA given as PEM text (`cadata`), host name
    /// checked against `serverHostname`, optionally presenting a client certificate. Arguments:
    /// PORT CA_FILE SERVER_HOSTNAME [CERT_FILE KEY_FILE]. Prints the negotiated version.
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
