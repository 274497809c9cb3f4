import Foundation
import WireProtocols
import WorkspaceStore

/// `iotlab ca export FILE`: writes the workspace CA's certificate where a learner's code can
/// read it (the device SDK's `server_verification_cert`, `REQUESTS_CA_BUNDLE`, paho's `ca_certs`),
/// creating the CA first if no front door has started yet.
///
/// It runs as a workspace operation, in the process holding the workspace, so the CA is only ever
/// created by one process at a time.
enum CertificateAuthorityExport {
    /// Writes the CA PEM to `file` and returns what to tell the user. The server certificate is
    /// brought up to date for `hubNames`, `provisioningHostNames` and `listenHost` on the way, as a serve start would.
    static func export(
        home: WorkspaceHome, hubNames: [String], provisioningHostNames: [String], listenHost: String?, to file: URL, now: Date
    ) throws -> String {
        let certificates = try WorkspaceCertificates.load(
            home: home, hubNames: hubNames, provisioningHostNames: provisioningHostNames, listenHost: listenHost, now: now)
        do {
            try Data(certificates.caCertificatePEM.utf8).write(to: file, options: .atomic)
        } catch {
            throw FrontDoorCertificateError.unwritable(path: file.path, reason: error.localizedDescription)
        }
        return """
            Wrote the iotlab CA certificate to \(file.path).
            Trust it in your code: Python device SDK server_verification_cert=open("\(file.path)").read(), \
            service SDK REQUESTS_CA_BUNDLE=\(file.path), paho tls_set(ca_certs="\(file.path)").

            """
    }
}
