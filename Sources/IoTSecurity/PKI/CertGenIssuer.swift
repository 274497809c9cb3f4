/// A certGen CA ready to sign: the root or the intermediate, with its decrypted key and the
/// certificates above it, from which full chains and `.pfx` files are built.
public struct CertGenIssuer: Sendable, Hashable {
    /// Which of certGen.sh's two CAs signs a certificate.
    public enum Role: Sendable, Hashable {
        /// `azure-iot-test-only.root.ca`: signs verification certificates and
        /// `create_device_certificate`'s devices.
        case root
        /// `azure-iot-test-only.intermediate`: signs `..._from_intermediate` devices and IoT Edge
        /// device CAs.
        case intermediate

        /// The files that must exist before this CA can sign: its certificate and key, and for the
        /// intermediate also the root certificate that ends every chain.
        public var requiredFiles: [String] {
            switch self {
            case .root: [CertGenLayout.rootCertificate, CertGenLayout.rootKey]
            case .intermediate: [CertGenLayout.intermediateCertificate, CertGenLayout.intermediateKey, CertGenLayout.rootCertificate]
            }
        }
    }

    /// The CA's certificate.
    public let certificate: X509Certificate
    /// The CA's private key.
    public let key: PrivateKey
    /// The certificates above ``certificate``, nearest first, ending at the root; empty for the root.
    public let chainAbove: [X509Certificate]

    /// A CA from its certificate and key, checking that they belong together and that
    /// `chainAbove` (nearest first) leads from it to a root.
    /// - Throws: ``CertGenError/certificate(_:)`` with ``X509Error/keyMismatch`` when the key is not
    ///   the certificate's; ``CertGenError/brokenChain(certificate:issuer:)`` when a link is missing.
    public init(certificate: X509Certificate, key: PrivateKey, chainAbove: [X509Certificate] = []) throws(CertGenError) {
        do {
            // Bundling checks that the key is the certificate's, the same check OpenSSL makes.
            _ = try PKCS12Bundle(key: key, certificate: certificate)
        } catch {
            throw .certificate(error)
        }
        for (subject, issuer) in zip([certificate] + chainAbove, chainAbove) where !subject.isSigned(by: issuer) {
            throw .brokenChain(certificate: subject.subjectCommonName ?? "a CA certificate", issuer: issuer.subjectCommonName ?? "its CA")
        }
        self.certificate = certificate
        self.key = key
        self.chainAbove = chainAbove
    }

    /// A CA as certGen.sh leaves it on disk: PEM certificates and a key encrypted with
    /// ``CertGenProfile/caKeyPassword`` (an unencrypted key is accepted too).
    /// - Throws: ``CertGenError/certificate(_:)`` when a text is not what it should be.
    public init(certificatePEM: String, keyPEM: String, chainAbovePEM: [String] = []) throws(CertGenError) {
        let certificate: X509Certificate
        let key: PrivateKey
        let chainAbove: [X509Certificate]
        do throws(X509Error) {
            certificate = try X509Certificate(pem: certificatePEM)
            key = try PrivateKey(pem: keyPEM, passphrase: CertGenProfile.caKeyPassword)
            chainAbove = try chainAbovePEM.map { pem throws(X509Error) in try X509Certificate(pem: pem) }
        } catch {
            throw .certificate(error)
        }
        try self.init(certificate: certificate, key: key, chainAbove: chainAbove)
    }

    /// The certificate followed by every CA above it, as a full-chain PEM lists them.
    var chain: [X509Certificate] { [certificate] + chainAbove }
}
