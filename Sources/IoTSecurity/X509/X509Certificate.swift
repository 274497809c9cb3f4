internal import COpenSSL

/// An X.509 certificate: a CA certificate uploaded to a hub or DPS, a device's certificate, a
/// proof-of-possession verification certificate.
///
/// The value holds the DER encoding, so two certificates are equal exactly when their bytes are,
/// which is also when their thumbprints are.
public struct X509Certificate: Sendable, Hashable {
    /// The certificate's DER encoding, the bytes its thumbprints are computed over.
    public let der: [UInt8]

    /// Reads a DER-encoded certificate (a `.cer`/`.der` file).
    /// - Throws: ``X509Error/malformedDER(expected:)`` unless `der` is a certificate.
    public init(der: [UInt8]) throws(X509Error) {
        let reencoded = try OpenSSLObjects.withCertificate(der) { certificate throws(X509Error) in
            OpenSSLObjects.encode { i2d_X509(certificate, $0) }
        }
        guard let reencoded, !reencoded.isEmpty else { throw .malformedDER(expected: "X.509 certificate") }
        self.der = reencoded
    }

    /// Reads the first `CERTIFICATE` block of PEM text, as the portal's certificate upload does.
    /// - Throws: ``X509Error/noPEMBlock(expected:)`` when there is none.
    public init(pem: String) throws(X509Error) {
        guard let first = try Self.all(inPEM: pem).first else { throw .noPEMBlock(expected: "CERTIFICATE") }
        self = first
    }

    /// Every `CERTIFICATE` block of PEM text, in order: a chain file such as certGen.sh's
    /// `azure-iot-test-only.chain.ca.cert.pem` or an IoT Edge `-full-chain.cert.pem`.
    public static func all(inPEM pem: String) throws(X509Error) -> [X509Certificate] {
        var certificates: [X509Certificate] = []
        for block in try PEM.blocks(in: pem) where block.label == "CERTIFICATE" {
            certificates.append(try X509Certificate(der: block.der))
        }
        return certificates
    }

    /// The certificate as a `CERTIFICATE` PEM block.
    public var pem: String { PEM.encode(der, label: "CERTIFICATE") }

    /// The SHA-1 thumbprint in uppercase hex, what a self-signed device registers as its
    /// `primaryThumbprint` and what the portal shows.
    public var sha1Thumbprint: String { X509Thumbprint.sha1(ofDER: der) }

    /// The SHA-256 thumbprint in uppercase hex.
    public var sha256Thumbprint: String { X509Thumbprint.sha256(ofDER: der) }

    /// Runs `body` with this certificate parsed; the DER was validated on construction.
    func withParsed<Result>(_ body: (OpaquePointer) throws(X509Error) -> Result) throws(X509Error) -> Result {
        guard let result = try OpenSSLObjects.withCertificate(der, body) else {
            throw .malformedDER(expected: "X.509 certificate")
        }
        return result
    }
}
