import Foundation
import IoTSecurity

/// A certificate with its private key, as kept in the `tls` folder.
struct IssuedKeyPair {
    let certificate: X509Certificate
    let key: PrivateKey

    /// A server certificate is re-issued this long before it expires, so a long-running lab never
    /// meets an expired one.
    static let renewalMargin: TimeInterval = 30 * 86_400

    /// Whether a server certificate can still be presented: signed by `authority`, valid now and
    /// for the renewal margin, and matching every host in `hostNames`.
    func isUsable(issuedBy authority: X509Certificate, covering hostNames: [String], at now: Date) -> Bool {
        certificate.isSigned(by: authority) && certificate.notBefore <= now
            && certificate.notAfter > now.addingTimeInterval(Self.renewalMargin)
            && hostNames.allSatisfy(certificate.isValid(forHost:))
    }
}

/// The files of the `tls` folder: `ca.pem` (the CA certificate users trust), `ca.key.pem` (its
/// key), and `server.pem` (the server certificate and its key in one file, written at once so the
/// two can never disagree).
struct CertificateFiles {
    let folder: URL

    var caCertificate: URL { folder.appendingPathComponent("ca.pem") }
    var caKey: URL { folder.appendingPathComponent("ca.key.pem") }
    var server: URL { folder.appendingPathComponent("server.pem") }

    /// The CA lasts ten years: learners trust it once per workspace.
    static let authorityLifetime: TimeInterval = 10 * 365 * 86_400
    /// 397 days, the longest server certificate lifetime macOS and browsers accept.
    static let serverLifetime: TimeInterval = 397 * 86_400
    /// Certificates start an hour in the past so a client whose clock is slightly behind accepts them.
    static let backdating: TimeInterval = 3_600

    func createFolder() throws(FrontDoorCertificateError) {
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unwritable(path: folder.path, reason: error.localizedDescription)
        }
    }

    /// The existing CA, or `nil` when there is none (no `ca.pem`) or it has expired.
    func loadAuthority(now: Date) throws(FrontDoorCertificateError) -> IssuedKeyPair? {
        guard FileManager.default.fileExists(atPath: caCertificate.path) else { return nil }
        let certificateText = try read(caCertificate)
        let certificate: X509Certificate
        do {
            certificate = try X509Certificate(pem: certificateText)
        } catch {
            throw .unreadable(file: caCertificate.path, reason: error.description)
        }
        guard certificate.notAfter > now else { return nil }
        guard FileManager.default.fileExists(atPath: caKey.path) else {
            throw .unreadable(file: caKey.path, reason: "the key of \(caCertificate.lastPathComponent) is missing")
        }
        let keyText = try read(caKey)
        let key: PrivateKey
        do {
            key = try PrivateKey(pem: keyText)
        } catch {
            throw .unreadable(file: caKey.path, reason: error.description)
        }
        guard certificate.isCertificateAuthority, certificate.isSelfSigned else {
            throw .unreadable(file: caCertificate.path, reason: "not a self-signed CA certificate")
        }
        do {
            // Signing a throwaway certificate is the check that the key belongs to the CA.
            _ = try X509Certificate.issued(
                commonName: "key check", subjectKey: key, issuer: certificate, issuerKey: key,
                usage: .tlsServer(hostNames: []), notBefore: now, notAfter: now)
        } catch {
            throw .unreadable(file: caKey.path, reason: "not the key of \(caCertificate.lastPathComponent)")
        }
        return IssuedKeyPair(certificate: certificate, key: key)
    }

    /// A new root CA, written to `ca.key.pem` then `ca.pem` (a crash between the two leaves no
    /// `ca.pem`, so the next start creates the CA again).
    func createAuthority(now: Date) throws(FrontDoorCertificateError) -> IssuedKeyPair {
        let pair: IssuedKeyPair
        do {
            let key = try PrivateKey.generate(.rsa(bits: 2048))
            let certificate = try X509Certificate.selfSigned(
                commonName: "iotlab Local Root CA", key: key, usage: .certificateAuthority,
                notBefore: now.addingTimeInterval(-Self.backdating),
                notAfter: now.addingTimeInterval(Self.authorityLifetime))
            pair = IssuedKeyPair(certificate: certificate, key: key)
        } catch {
            throw .issuing(error)
        }
        try write(pair.key.pem, to: caKey, secret: true)
        try write(pair.certificate.pem, to: caCertificate, secret: false)
        return pair
    }

    /// The stored server certificate and key, or `nil` if `server.pem` is missing or damaged (it is
    /// simply issued again).
    func loadServer() -> IssuedKeyPair? {
        guard let text = try? read(server),
              let certificate = try? X509Certificate(pem: text),
              let key = try? PrivateKey(pem: text)
        else { return nil }
        return IssuedKeyPair(certificate: certificate, key: key)
    }

    /// A new server certificate for `hostNames`, signed by `authority` and written to `server.pem`.
    func issueServer(
        hostNames: [String], authority: IssuedKeyPair, now: Date
    ) throws(FrontDoorCertificateError) -> IssuedKeyPair {
        let pair: IssuedKeyPair
        do {
            let key = try PrivateKey.generate(.rsa(bits: 2048))
            let certificate = try X509Certificate.issued(
                commonName: hostNames.first ?? "localhost", subjectKey: key, issuer: authority.certificate,
                issuerKey: authority.key, usage: .tlsServer(hostNames: hostNames),
                notBefore: now.addingTimeInterval(-Self.backdating), notAfter: now.addingTimeInterval(Self.serverLifetime))
            pair = IssuedKeyPair(certificate: certificate, key: key)
        } catch {
            throw .issuing(error)
        }
        try write(pair.certificate.pem + pair.key.pem, to: server, secret: true)
        return pair
    }

    private func read(_ file: URL) throws(FrontDoorCertificateError) -> String {
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable(file: file.path, reason: error.localizedDescription)
        }
    }

    /// Writes through a temporary file and a rename, so a reader never sees half a file; files
    /// holding a private key are readable by the owner only.
    private func write(_ text: String, to file: URL, secret: Bool) throws(FrontDoorCertificateError) {
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        let created = FileManager.default.createFile(
            atPath: temporary.path, contents: Data(text.utf8),
            attributes: [.posixPermissions: secret ? 0o600 : 0o644])
        guard created else { throw .unwritable(path: file.path, reason: "cannot create a file in \(folder.path)") }
        guard rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: file.path, reason: reason)
        }
    }
}
