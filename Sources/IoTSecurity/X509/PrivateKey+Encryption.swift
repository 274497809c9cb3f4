internal import COpenSSL

extension PrivateKey {
    /// Reads a passphrase-protected key, such as the CA keys certGen.sh writes with `-aes256`
    /// and the password `1234`. Unencrypted PEM is accepted too, whatever the passphrase.
    /// - Throws: ``X509Error/wrongPassword`` when `passphrase` does not decrypt the key,
    ///   ``X509Error/noPEMBlock(expected:)`` when the text holds no key.
    public init(pem: String, passphrase: String) throws(X509Error) {
        guard pem.contains("ENCRYPTED") else {
            try self.init(pem: pem)
            return
        }
        var secret = Array(passphrase.utf8CString)
        let key: OpaquePointer? = Array(pem.utf8).withUnsafeBytes { text in
            guard let bio = BIO_new_mem_buf(text.baseAddress, Int32(text.count)) else { return nil }
            defer { BIO_free(bio) }
            // With no callback, OpenSSL reads the last argument as the NUL-terminated passphrase.
            return secret.withUnsafeMutableBytes { PEM_read_bio_PrivateKey(bio, nil, nil, $0.baseAddress) }
        }
        secret.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        ERR_clear_error()
        guard let key else {
            throw pem.contains("-----BEGIN") ? .wrongPassword : .noPEMBlock(expected: "PRIVATE KEY")
        }
        defer { EVP_PKEY_free(key) }
        let decrypted = try PrivateKey(pkcs8Of: key)
        self = decrypted
    }

    /// The key as an `ENCRYPTED PRIVATE KEY` PEM block (PKCS#8, AES-256-CBC), as
    /// `openssl pkey -aes256` writes it.
    /// - Throws: ``X509Error/openSSLFailure(operation:reason:)`` if OpenSSL cannot encrypt it.
    public func pem(passphrase: String) throws(X509Error) -> String {
        let encrypted = try OpenSSLObjects.withPrivateKey(der) { key throws(X509Error) -> String in
            guard let bio = BIO_new(BIO_s_mem()) else {
                throw .openSSLFailure(operation: "key encryption", reason: OpenSSLObjects.lastError())
            }
            defer { BIO_free(bio) }
            var secret = Array(passphrase.utf8CString)
            defer { secret.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
            let written = secret.withUnsafeMutableBytes {
                PEM_write_bio_PKCS8PrivateKey(bio, key, EVP_aes_256_cbc(), nil, 0, nil, $0.baseAddress)
            }
            var start: UnsafeMutablePointer<CChar>?
            let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &start)
            guard written == 1, length > 0, let start else {
                throw .openSSLFailure(operation: "key encryption", reason: OpenSSLObjects.lastError())
            }
            return String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
        }
        guard let encrypted else { throw .malformedDER(expected: "private key") }
        return encrypted
    }
}
