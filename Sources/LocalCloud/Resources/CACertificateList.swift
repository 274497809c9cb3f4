import Foundation
import HubEngine
import IoTSecurity

/// The CA certificates one resource keeps (a hub's or a DPS's) and the rules both follow:
/// upload, replace, verification code, proof of possession, delete, each with Azure's checks and
/// etags. The owner (hub or DPS) persists the list and journals the change.
struct CACertificateList {
    /// The most CA certificates one hub or DPS keeps, as Azure allows.
    static let maximumCount = 25

    var certificates: [CACertificate]
    /// `IoT hub 'x'` or `provisioning service 'x'`, for messages.
    let owner: String
    /// The error for a name that is not in the list.
    let notFound: @Sendable (String) -> CloudError

    /// Uploads a CA certificate; unverified unless `verified` (Azure's `--verified`).
    mutating func create(name: String, pem: String, verified: Bool, at time: Date) throws(CloudError) -> CACertificate {
        try Self.validateName(name)
        guard !certificates.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .argumentInvalid(field: "--name", rule: "a certificate named '\(name)' already exists on \(owner)")
        }
        guard certificates.count < Self.maximumCount else {
            throw .argumentInvalid(field: "--name", rule: "\(owner) keeps at most \(Self.maximumCount) CA certificates")
        }
        let certificate = CACertificate(
            name: name, certificate: try Self.certificate(fromFile: pem), isVerified: verified, etag: LocalCloud.newETag(), created: time)
        certificates.append(certificate)
        return certificate
    }

    /// One certificate by name (case-insensitive).
    func certificate(named name: String) throws(CloudError) -> CACertificate {
        guard let found = certificates.first(where: { $0.name.lowercased() == name.lowercased() }) else { throw notFound(name) }
        return found
    }

    /// Replaces the content; a new certificate starts unverified again unless `verified`.
    mutating func update(name: String, etag: String, pem: String, verified: Bool, at time: Date) throws(CloudError) -> CACertificate {
        let parsed = try Self.certificate(fromFile: pem)
        return try change(name: name, etag: etag, at: time) { certificate in
            certificate.certificate = parsed
            certificate.isVerified = verified
            certificate.verificationCode = nil
        }
    }

    /// Hands out a fresh verification code: 40 upper-case hex digits, like Azure's.
    mutating func generateVerificationCode(name: String, etag: String, at time: Date) throws(CloudError) -> CACertificate {
        let code = SecureRandom.bytes(count: 20).map { String(format: "%02X", $0) }.joined()
        return try change(name: name, etag: etag, at: time) { $0.verificationCode = code }
    }

    /// Marks a certificate verified when `proofPEM`'s CN is the verification code and the CA
    /// signed it (proof of possession); nothing changes otherwise.
    mutating func verify(name: String, etag: String, proofPEM: String, at time: Date) throws(CloudError) -> CACertificate {
        let proof = try Self.certificate(fromFile: proofPEM, requiringAuthority: false)
        return try change(name: name, etag: etag, at: time) { certificate throws(CloudError) in
            guard let code = certificate.verificationCode else {
                throw .argumentInvalid(field: "--name", rule: "certificate '\(name)' has no verification code yet; run generate-verification-code first")
            }
            guard proof.subjectCommonName?.uppercased() == code.uppercased() else {
                throw .argumentInvalid(
                    field: "--path", rule: "the verification certificate's CN must be the verification code \(code), was '\(proof.subjectCommonName ?? "")'")
            }
            guard proof.isSigned(by: certificate.certificate) else {
                throw .argumentInvalid(field: "--path", rule: "the verification certificate must be signed by the private key of certificate '\(name)'")
            }
            certificate.isVerified = true
            certificate.verificationCode = nil
        }
    }

    /// Removes a certificate whose etag is `etag`; returns it.
    mutating func delete(name: String, etag: String) throws(CloudError) -> CACertificate {
        let found = try certificate(named: name)
        try Self.requireETag(etag, matches: found)
        certificates.removeAll { $0.name == found.name }
        return found
    }

    private mutating func change(
        name: String, etag: String, at time: Date, _ change: (inout CACertificate) throws(CloudError) -> Void
    ) throws(CloudError) -> CACertificate {
        guard let index = certificates.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else { throw notFound(name) }
        var certificate = certificates[index]
        try Self.requireETag(etag, matches: certificate)
        try change(&certificate)
        certificate.etag = LocalCloud.newETag()
        certificate.updated = time
        certificates[index] = certificate
        return certificate
    }

    private static func requireETag(_ etag: String, matches certificate: CACertificate) throws(CloudError) {
        guard ETag.matches(etag, current: certificate.etag) else {
            throw .preconditionFailed(resource: "certificate '\(certificate.name)'", etag: etag)
        }
    }

    /// Names are 1–64 letters, digits, hyphens, periods and underscores (ARM's rule).
    private static func validateName(_ name: String) throws(CloudError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._".unicodeScalars.contains($0)) }
        guard (1...64).contains(name.count), allowed else {
            throw .argumentInvalid(field: "--name", rule: "a certificate name is 1 to 64 letters, digits, hyphens, periods or underscores, was '\(name)'")
        }
    }

    /// A PEM certificate (or the base64 body of a `.cer` file) read from an uploaded file.
    private static func certificate(fromFile text: String, requiringAuthority: Bool = true) throws(CloudError) -> X509Certificate {
        let parsed: X509Certificate
        do {
            parsed = try X509Certificate(fileText: text)
        } catch {
            throw .argumentInvalid(field: "--path", rule: "the file must hold a PEM or base64 (.cer) X.509 certificate: \(error)")
        }
        if requiringAuthority, !parsed.isCertificateAuthority {
            throw .argumentInvalid(field: "--path", rule: "certificate CN=\(parsed.subjectCommonName ?? "") is not a CA certificate (basicConstraints CA:TRUE)")
        }
        return parsed
    }
}
