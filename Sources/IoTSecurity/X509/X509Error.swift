/// Why a certificate or key operation failed; the hub and DPS report these as `ArgumentInvalid`
/// (bad input) or, for verification, as the Azure error of the operation that needed it.
public enum X509Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text holds no PEM block of the expected kind (`CERTIFICATE`, `PRIVATE KEY`...).
    case noPEMBlock(expected: String)
    /// A PEM block's body is not base64.
    case malformedPEM(label: String)
    /// The bytes are not a DER structure of the expected kind.
    case malformedDER(expected: String)
    /// A key is encrypted and no passphrase was given; see ``PrivateKey/init(pem:passphrase:)``.
    case encryptedKey
    /// A private key is not the key of the certificate it is paired with.
    case keyMismatch
    /// The password does not open the PKCS#12 file.
    case wrongPassword
    /// A key or certificate could not be generated or signed; `reason` is OpenSSL's.
    case openSSLFailure(operation: String, reason: String)

    public var description: String {
        switch self {
        case .noPEMBlock(let expected):
            "PEM text must contain a \"-----BEGIN \(expected)-----\" block"
        case .malformedPEM(let label):
            "PEM block \(label) must contain base64 between its BEGIN and END lines"
        case .malformedDER(let expected):
            "data must be a DER-encoded \(expected)"
        case .encryptedKey:
            "private key is encrypted: its passphrase is required (certGen.sh uses 1234)"
        case .keyMismatch:
            "private key must belong to the certificate it is bundled with"
        case .wrongPassword:
            "password does not open the PKCS#12 (.pfx) file"
        case .openSSLFailure(let operation, let reason):
            "\(operation) failed: \(reason)"
        }
    }
}
