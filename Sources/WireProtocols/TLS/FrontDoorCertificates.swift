import Foundation
import IoTSecurity

/// The workspace's own certificate authority and the server certificate the front doors present.
///
/// The Azure SDKs insist on TLS with a verified server certificate whose subject alternative names
/// match the host they connect to (the device SDK even pins TLS 1.2 and checks the host name), so
/// an offline emulator needs a CA the learner can trust explicitly: the PEM text passed as the
/// device SDK's `server_verification_cert`, or the file named by `REQUESTS_CA_BUNDLE` for the
/// service SDK. The CA is created once per workspace and kept, so that trust survives restarts; the
/// server certificate is re-issued whenever it no longer covers every host in use.
public struct FrontDoorCertificates: Sendable {
    /// The CA certificate: what users pass as `server_verification_cert` or `REQUESTS_CA_BUNDLE`.
    public let caCertificatePEM: String
    /// The certificate the front doors present, issued by the CA.
    public let serverCertificatePEM: String
    /// The server certificate's private key (PKCS#8).
    public let serverPrivateKeyPEM: String
    /// `<folder>/ca.pem`, the file holding ``caCertificatePEM``.
    public let caFile: URL

    /// Hosts every server certificate covers whatever the caller asks: the loopback names a learner
    /// puts in `GatewayHostName` or in a service connection string's `HostName`.
    public static let loopbackHostNames = ["localhost", "127.0.0.1", "::1"]

    /// Loads the CA and server certificate from `folder` (`$IOTLAB_HOME/tls`), creating the CA on
    /// first use and re-issuing the server certificate when `hostNames` (every hub's
    /// `NAME.azure-devices.net`, later DPS hosts, the `--listen` address) plus
    /// ``loopbackHostNames`` are not all in its subject alternative names, when it is not signed by
    /// the CA, or when it expires within 30 days.
    ///
    /// `now` must be the real wall clock (the token clock), not a fast-forwarded lab clock: TLS
    /// clients check validity against their own clock.
    /// - Throws: ``FrontDoorCertificateError/unreadable(file:reason:)`` when `ca.pem` or
    ///   `ca.key.pem` exists but is damaged (a CA users may already trust is never silently
    ///   replaced); ``FrontDoorCertificateError/unwritable(path:reason:)`` when the folder cannot be
    ///   written.
    public static func loadOrCreate(
        in folder: URL, hostNames: [String], now: Date
    ) throws(FrontDoorCertificateError) -> FrontDoorCertificates {
        let files = CertificateFiles(folder: folder)
        try files.createFolder()
        let authority: IssuedKeyPair
        if let existing = try files.loadAuthority(now: now) {
            authority = existing
        } else {
            authority = try files.createAuthority(now: now)
        }
        let required = coveredHostNames(hostNames)
        let server: IssuedKeyPair
        if let existing = files.loadServer(), existing.isUsable(issuedBy: authority.certificate, covering: required, at: now) {
            server = existing
        } else {
            server = try files.issueServer(hostNames: required, authority: authority, now: now)
        }
        return FrontDoorCertificates(
            caCertificatePEM: authority.certificate.pem, serverCertificatePEM: server.certificate.pem,
            serverPrivateKeyPEM: server.key.pem, caFile: files.caCertificate)
    }

    /// The loopback names first, then `hostNames` in order, each once (host names compare without case).
    static func coveredHostNames(_ hostNames: [String]) -> [String] {
        var seen: Set<String> = []
        return (loopbackHostNames + hostNames).filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}
