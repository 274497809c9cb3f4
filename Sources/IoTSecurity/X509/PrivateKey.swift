internal import COpenSSL

/// A private key for X.509 authentication: a CA's signing key or a device's key, as certGen.sh
/// writes them to `private/*.key.pem`.
///
/// The value holds the key's PKCS#8 DER, so it is `Sendable` and compares by content; no OpenSSL
/// object outlives a call.
public struct PrivateKey: Sendable, Hashable {
    /// The key algorithms the labs use.
    public enum Algorithm: Sendable, Hashable {
        /// RSA with a modulus of `bits` (certGen.sh uses 4096; 2048 is quicker and as accepted).
        case rsa(bits: Int)
        /// ECDSA over NIST P-256, which Azure IoT also accepts.
        case ecP256
    }

    /// The key as PKCS#8 `PrivateKeyInfo` DER.
    public let der: [UInt8]

    /// A new random key.
    /// - Throws: ``X509Error/openSSLFailure(operation:reason:)`` if OpenSSL refuses the parameters
    ///   (an RSA size below 512 bits, for instance).
    public static func generate(_ algorithm: Algorithm) throws(X509Error) -> PrivateKey {
        let context: OpaquePointer?
        switch algorithm {
        case .rsa: context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil)
        case .ecP256: context = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil)
        }
        guard let context else { throw failure("key generation") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw failure("key generation") }
        let configured = switch algorithm {
        case .rsa(let bits): EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(clamping: bits))
        case .ecP256: EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1)
        }
        var key: OpaquePointer?
        guard configured == 1, EVP_PKEY_keygen(context, &key) == 1, let key else { throw failure("key generation") }
        defer { EVP_PKEY_free(key) }
        return try PrivateKey(pkcs8Of: key)
    }

    /// Reads an unencrypted key in PEM: `PRIVATE KEY` (PKCS#8), `RSA PRIVATE KEY` or
    /// `EC PRIVATE KEY`, as certGen.sh and `openssl genrsa` write them.
    /// - Throws: ``X509Error/encryptedKey`` for an `ENCRYPTED PRIVATE KEY` or a key with a
    ///   `Proc-Type: 4,ENCRYPTED` header (use ``init(pem:passphrase:)``);
    ///   ``X509Error/noPEMBlock(expected:)`` when there is no key.
    public init(pem: String) throws(X509Error) {
        guard !pem.contains("ENCRYPTED") else { throw .encryptedKey }
        let labels = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"]
        guard let block = try PEM.blocks(in: pem).first(where: { labels.contains($0.label) }) else {
            throw .noPEMBlock(expected: "PRIVATE KEY")
        }
        try self.init(der: block.der)
    }

    /// Reads a key in DER, PKCS#8 or the traditional RSA/EC form; it is kept as PKCS#8.
    /// - Throws: ``X509Error/malformedDER(expected:)`` unless `der` is an unencrypted private key.
    public init(der: [UInt8]) throws(X509Error) {
        let converted = try OpenSSLObjects.withPrivateKey(der) { key throws(X509Error) in try PrivateKey(pkcs8Of: key) }
        guard let converted else { throw .malformedDER(expected: "private key") }
        self = converted
    }

    /// The key as a `PRIVATE KEY` (PKCS#8) PEM block.
    public var pem: String { PEM.encode(der, label: "PRIVATE KEY") }

    /// Wraps an OpenSSL key, encoding it as PKCS#8.
    init(pkcs8Of key: OpaquePointer) throws(X509Error) {
        guard let info = EVP_PKEY2PKCS8(key) else { throw Self.failure("key encoding") }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        der = OpenSSLObjects.encode { i2d_PKCS8_PRIV_KEY_INFO(info, $0) }
    }

    private static func failure(_ operation: String) -> X509Error {
        .openSSLFailure(operation: operation, reason: OpenSSLObjects.lastError())
    }
}
