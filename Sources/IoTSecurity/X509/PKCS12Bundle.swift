internal import COpenSSL

/// A certificate, its private key and its chain in one password-protected PKCS#12 (`.pfx`) file,
/// as certGen.sh's `openssl pkcs12 -export` writes for the labs' C# devices (password `1234`) and
/// for IoT Edge (empty password).
public struct PKCS12Bundle: Sendable, Hashable {
    /// The private key of ``certificate``.
    public let key: PrivateKey
    /// The certificate the key belongs to, e.g. a device certificate.
    public let certificate: X509Certificate
    /// The CA certificates that lead to a root, leaf-most first.
    public let chain: [X509Certificate]

    /// Bundles `certificate` with its `key` and `chain`.
    /// - Throws: ``X509Error/keyMismatch`` unless `key` is the private key of `certificate`.
    public init(key: PrivateKey, certificate: X509Certificate, chain: [X509Certificate] = []) throws(X509Error) {
        let matches = try OpenSSLObjects.withPrivateKey(key.der) { parsedKey throws(X509Error) in
            try certificate.withParsed { parsedCertificate in X509_check_private_key(parsedCertificate, parsedKey) == 1 }
        }
        ERR_clear_error()
        guard matches == true else { throw .keyMismatch }
        self.key = key
        self.certificate = certificate
        self.chain = chain
    }

    /// Reads a `.pfx` file.
    /// - Throws: ``X509Error/malformedDER(expected:)`` unless `pfx` is PKCS#12,
    ///   ``X509Error/wrongPassword`` when `password` does not open it.
    public init(pfx: [UInt8], password: String) throws(X509Error) {
        let parsed = pfx.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let parsed else {
            ERR_clear_error()
            throw .malformedDER(expected: "PKCS#12 file")
        }
        defer { PKCS12_free(parsed) }
        guard PKCS12_verify_mac(parsed, password, -1) == 1 else {
            ERR_clear_error()
            throw .wrongPassword
        }
        var parsedKey: OpaquePointer?
        var parsedCertificate: OpaquePointer?
        var parsedChain: OpaquePointer?
        guard PKCS12_parse(parsed, password, &parsedKey, &parsedCertificate, &parsedChain) == 1,
              let parsedKey, let parsedCertificate else {
            throw .openSSLFailure(operation: "PKCS#12 reading", reason: OpenSSLObjects.lastError())
        }
        defer {
            EVP_PKEY_free(parsedKey)
            X509_free(parsedCertificate)
            OPENSSL_sk_pop_free(parsedChain) { X509_free(OpaquePointer($0)) }
        }
        var chain: [X509Certificate] = []
        for index in 0..<max(0, OPENSSL_sk_num(parsedChain)) {
            guard let member = OPENSSL_sk_value(parsedChain, index) else { continue }
            chain.append(try X509Certificate(der: OpenSSLObjects.encode { i2d_X509(OpaquePointer(member), $0) }))
        }
        try self.init(
            key: PrivateKey(pkcs8Of: parsedKey),
            certificate: X509Certificate(der: OpenSSLObjects.encode { i2d_X509(parsedCertificate, $0) }),
            chain: chain)
    }

    /// The bundle as `.pfx` bytes protected by `password` (which may be empty), with OpenSSL 3's
    /// defaults (AES-256, PBKDF2, SHA-256 MAC), the same as `openssl pkcs12 -export`.
    /// - Throws: ``X509Error/openSSLFailure(operation:reason:)`` if OpenSSL cannot build it.
    public func pfx(password: String, friendlyName: String? = nil) throws(X509Error) -> [UInt8] {
        let built = try OpenSSLObjects.withPrivateKey(key.der) { parsedKey throws(X509Error) in
            try certificate.withParsed { parsedCertificate throws(X509Error) in
                guard let stack = OPENSSL_sk_new_null() else {
                    throw .openSSLFailure(operation: "PKCS#12 export", reason: OpenSSLObjects.lastError())
                }
                defer { OPENSSL_sk_pop_free(stack) { X509_free(OpaquePointer($0)) } }
                for member in chain {
                    if let parsedMember = OpenSSLObjects.parseCertificate(member.der) {
                        OPENSSL_sk_push(stack, UnsafeRawPointer(parsedMember))
                    }
                }
                guard let bundle = PKCS12_create(password, friendlyName, parsedKey, parsedCertificate, stack, 0, 0, 0, 0, 0) else {
                    throw .openSSLFailure(operation: "PKCS#12 export", reason: OpenSSLObjects.lastError())
                }
                defer { PKCS12_free(bundle) }
                return OpenSSLObjects.encode { i2d_PKCS12(bundle, $0) }
            }
        }
        guard let built else { throw .malformedDER(expected: "private key") }
        return built
    }
}
