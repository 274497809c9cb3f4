import Foundation
import HubEngine
import IoTSecurity
import JSONValue

extension LocalCloud {
    /// The most CA certificates one hub keeps, as Azure allows.
    public static let maximumCertificatesPerHub = 25

    /// Uploads a CA certificate to a hub (`az iot hub certificate create`); unverified unless
    /// `verified` says the owner vouches for it, as Azure's `--verified` does.
    /// - Throws: `argumentInvalid` for a bad name, an unreadable file or a certificate that is not
    ///   a CA; `argumentInvalid` for a duplicate name or one certificate too many.
    public func createCertificate(hubName: String, resourceGroup: String? = nil, name: String, pem: String, verified: Bool) async throws(CloudError) -> CACertificate {
        var hub = try hub(named: hubName, resourceGroup: resourceGroup)
        try Self.validateCertificateName(name)
        guard !hub.certificates.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .argumentInvalid(field: "--name", rule: "a certificate named '\(name)' already exists on IoT hub '\(hub.name)'")
        }
        guard hub.certificates.count < Self.maximumCertificatesPerHub else {
            throw .argumentInvalid(field: "--name", rule: "an IoT hub keeps at most \(Self.maximumCertificatesPerHub) CA certificates")
        }
        let certificate = CACertificate(name: name, certificate: try Self.certificate(fromFile: pem), isVerified: verified, etag: Self.newETag(), created: clock.now())
        hub.certificates.append(certificate)
        try await saveCertificates(of: hub, event: "CertificateCreated", name: name)
        return certificate
    }

    /// The hub's CA certificates in upload order.
    public func certificates(hubName: String, resourceGroup: String? = nil) throws(CloudError) -> [CACertificate] {
        try hub(named: hubName, resourceGroup: resourceGroup).certificates
    }

    /// One CA certificate by name (case-insensitive).
    public func certificate(hubName: String, resourceGroup: String? = nil, name: String) throws(CloudError) -> CACertificate {
        let hub = try hub(named: hubName, resourceGroup: resourceGroup)
        guard let found = hub.certificates.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .certificateNotFound(hubName: hub.name, name: name)
        }
        return found
    }

    /// Replaces a certificate's content (`az iot hub certificate update`); a new certificate
    /// starts unverified again unless `verified`.
    public func updateCertificate(hubName: String, resourceGroup: String? = nil, name: String, etag: String, pem: String, verified: Bool) async throws(CloudError) -> CACertificate {
        let parsed = try Self.certificate(fromFile: pem)
        return try await changeCertificate(hubName: hubName, resourceGroup: resourceGroup, name: name, etag: etag, event: "CertificateUpdated") { certificate in
            certificate.certificate = parsed
            certificate.isVerified = verified
            certificate.verificationCode = nil
        }
    }

    /// Hands out a fresh verification code for proof of possession (`generate-verification-code`).
    public func generateVerificationCode(hubName: String, resourceGroup: String? = nil, name: String, etag: String) async throws(CloudError) -> CACertificate {
        // Azure's codes are 40 uppercase hex digits.
        let code = SecureRandom.bytes(count: 20).map { String(format: "%02X", $0) }.joined()
        return try await changeCertificate(hubName: hubName, resourceGroup: resourceGroup, name: name, etag: etag, event: "CertificateVerificationCodeGenerated") {
            $0.verificationCode = code
        }
    }

    /// Marks a certificate verified when `proofPEM` is a certificate whose CN is the verification
    /// code and which the uploaded CA signed (`az iot hub certificate verify`).
    /// - Throws: `argumentInvalid` naming what the proof lacks; nothing changes then.
    public func verifyCertificate(hubName: String, resourceGroup: String? = nil, name: String, etag: String, proofPEM: String) async throws(CloudError) -> CACertificate {
        let proof = try Self.certificate(fromFile: proofPEM, requiringAuthority: false)
        return try await changeCertificate(hubName: hubName, resourceGroup: resourceGroup, name: name, etag: etag, event: "CertificateVerified") { certificate throws(CloudError) in
            guard let code = certificate.verificationCode else {
                throw .argumentInvalid(field: "--name", rule: "certificate '\(name)' has no verification code yet; run az iot hub certificate generate-verification-code first")
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

    /// Deletes a CA certificate; devices that chained to it can no longer connect.
    public func deleteCertificate(hubName: String, resourceGroup: String? = nil, name: String, etag: String) async throws(CloudError) {
        var hub = try hub(named: hubName, resourceGroup: resourceGroup)
        let found = try certificate(hubName: hubName, resourceGroup: resourceGroup, name: name)
        try Self.requireETag(etag, matches: found)
        hub.certificates.removeAll { $0.name == found.name }
        try await saveCertificates(of: hub, event: "CertificateDeleted", name: found.name)
    }

    private func changeCertificate(
        hubName: String, resourceGroup: String?, name: String, etag: String, event: String,
        _ change: (inout CACertificate) throws(CloudError) -> Void
    ) async throws(CloudError) -> CACertificate {
        var hub = try hub(named: hubName, resourceGroup: resourceGroup)
        guard let index = hub.certificates.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .certificateNotFound(hubName: hub.name, name: name)
        }
        var certificate = hub.certificates[index]
        try Self.requireETag(etag, matches: certificate)
        try change(&certificate)
        certificate.etag = Self.newETag()
        certificate.updated = clock.now()
        hub.certificates[index] = certificate
        try await saveCertificates(of: hub, event: event, name: certificate.name)
        return certificate
    }

    private func saveCertificates(of hub: HubResource, event: String, name: String) async throws(CloudError) {
        let key = CloudState.key(hub.name)
        try persist(event: event, subject: hub.name, payload: ["hub": .string(hub.name), "name": .string(name)]) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key, body: CloudState.body(hub.record))
        }
        hubResources[key] = hub
    }

    private static func requireETag(_ etag: String, matches certificate: CACertificate) throws(CloudError) {
        guard ETag.matches(etag, current: certificate.etag) else {
            throw .preconditionFailed(resource: "certificate '\(certificate.name)'", etag: etag)
        }
    }

    /// Names are 1–64 letters, digits, hyphens, periods and underscores (ARM's rule).
    private static func validateCertificateName(_ name: String) throws(CloudError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._".unicodeScalars.contains($0)) }
        guard (1...64).contains(name.count), allowed else {
            throw .argumentInvalid(field: "--name", rule: "a certificate name is 1 to 64 letters, digits, hyphens, periods or underscores, was '\(name)'")
        }
    }

    /// A PEM certificate (or the base64 body of a `.cer` file) read from an uploaded file.
    private static func certificate(fromFile text: String, requiringAuthority: Bool = true) throws(CloudError) -> X509Certificate {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parsed: X509Certificate
        do {
            if trimmed.hasPrefix("-----BEGIN") {
                parsed = try X509Certificate(pem: trimmed)
            } else if let der = Data(base64Encoded: trimmed, options: .ignoreUnknownCharacters) {
                parsed = try X509Certificate(der: Array(der))
            } else {
                throw CloudError.argumentInvalid(field: "--path", rule: "the file must hold a PEM or base64 (.cer) X.509 certificate")
            }
        } catch let error as CloudError {
            throw error
        } catch {
            throw .argumentInvalid(field: "--path", rule: "the file must hold a PEM or base64 (.cer) X.509 certificate: \(error)")
        }
        if requiringAuthority, !parsed.isCertificateAuthority {
            throw .argumentInvalid(field: "--path", rule: "certificate CN=\(parsed.subjectCommonName ?? "") is not a CA certificate (basicConstraints CA:TRUE)")
        }
        return parsed
    }
}
