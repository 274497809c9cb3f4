import Foundation
import LocalCloud
import WireProtocols
import WorkspaceStore

/// `iotlab ca export FILE`: writes the workspace CA's certificate where a learner's code can
/// read it (the device SDK's `server_verification_cert`, `REQUESTS_CA_BUNDLE`, paho's `ca_certs`),
/// creating the CA first if no front door has started yet.
public enum CertificateAuthorityExport {
    /// Writes the CA PEM to `file` and returns what to tell the user.
    public static func export(home: WorkspaceHome, to file: URL, now: Date = Date()) throws -> String {
        try home.createIfNeeded()
        let hubNames = try LocalCloud.storedHubNames(in: Workspace(fileURL: home.databaseURL))
        let certificates = try WorkspaceCertificates.load(home: home, hubNames: hubNames, listenHost: nil, now: now)
        try Data(certificates.caCertificatePEM.utf8).write(to: file, options: .atomic)
        return """
            Wrote the iotlab CA certificate to \(file.path).
            Trust it in your code: Python device SDK server_verification_cert=open("\(file.path)").read(), \
            service SDK REQUESTS_CA_BUNDLE=\(file.path), paho tls_set(ca_certs="\(file.path)").

            """
    }
}
