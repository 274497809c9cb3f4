internal import COpenSSL

/// The simulated TPM's endorsement key: an RSA key pair whose public half an individual
/// enrollment holds, and to which DPS encrypts the key that answers its TPM challenge.
///
/// A real TPM proves it holds the endorsement key with TPM2_ActivateCredential; iotlab keeps the
/// shape of that exchange (DPS encrypts a fresh secret to the public EK, only the holder of the
/// private EK can use it to sign its SAS token) with RSA-OAEP (SHA-256) instead of TPM structures.
public enum TPMEndorsementKey {
    /// The public endorsement key as DPS stores it: the DER SubjectPublicKeyInfo of `key`'s
    /// public half (what `iotlab tpm create` prints in base64 for `--endorsement-key`).
    /// - Throws: ``X509Error/malformedDER(expected:)`` if `key` cannot be read.
    public static func publicKey(of key: PrivateKey) throws(X509Error) -> [UInt8] {
        let der = try OpenSSLObjects.withPrivateKey(key.der) { parsed throws(X509Error) in
            OpenSSLObjects.encode { i2d_PUBKEY(parsed, $0) }
        }
        guard let der, !der.isEmpty else { throw .malformedDER(expected: "private key") }
        return der
    }

    /// Encrypts `secret` to the RSA public key `publicKeyDER` (SubjectPublicKeyInfo) with
    /// RSA-OAEP, SHA-256: the DPS side of the challenge.
    /// - Throws: ``X509Error/malformedDER(expected:)`` unless `publicKeyDER` is an RSA public key;
    ///   ``X509Error/openSSLFailure(operation:reason:)`` if OpenSSL cannot encrypt.
    public static func encrypt(_ secret: [UInt8], toPublicKey publicKeyDER: [UInt8]) throws(X509Error) -> [UInt8] {
        let parsed: OpaquePointer? = publicKeyDER.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let key = parsed, EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            if let parsed { EVP_PKEY_free(parsed) }
            ERR_clear_error()
            throw .malformedDER(expected: "RSA public endorsement key (SubjectPublicKeyInfo)")
        }
        defer { EVP_PKEY_free(key) }
        return try crypt(secret, key: key, encrypting: true)
    }

    /// Decrypts a challenge with the private endorsement key: the device side.
    /// - Throws: ``X509Error/openSSLFailure(operation:reason:)`` when `key` is not the key the
    ///   challenge was encrypted to.
    public static func decrypt(_ challenge: [UInt8], with key: PrivateKey) throws(X509Error) -> [UInt8] {
        let plain = try OpenSSLObjects.withPrivateKey(key.der) { parsed throws(X509Error) in
            try crypt(challenge, key: parsed, encrypting: false)
        }
        guard let plain else { throw .malformedDER(expected: "private key") }
        return plain
    }

    private static func crypt(_ input: [UInt8], key: OpaquePointer, encrypting: Bool) throws(X509Error) -> [UInt8] {
        let operation = encrypting ? "TPM challenge encryption" : "TPM challenge decryption"
        func failure() -> X509Error { .openSSLFailure(operation: operation, reason: OpenSSLObjects.lastError()) }
        guard let context = EVP_PKEY_CTX_new(key, nil) else { throw failure() }
        defer { EVP_PKEY_CTX_free(context) }
        let ready = encrypting ? EVP_PKEY_encrypt_init(context) : EVP_PKEY_decrypt_init(context)
        guard ready == 1,
              EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) == 1,
              EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) == 1
        else { throw failure() }
        var length = 0
        let sized = input.withUnsafeBufferPointer { bytes in
            encrypting
                ? EVP_PKEY_encrypt(context, nil, &length, bytes.baseAddress, bytes.count)
                : EVP_PKEY_decrypt(context, nil, &length, bytes.baseAddress, bytes.count)
        }
        guard sized == 1 else { throw failure() }
        var output = [UInt8](repeating: 0, count: length)
        let done = input.withUnsafeBufferPointer { bytes in
            output.withUnsafeMutableBufferPointer { out in
                encrypting
                    ? EVP_PKEY_encrypt(context, out.baseAddress, &length, bytes.baseAddress, bytes.count)
                    : EVP_PKEY_decrypt(context, out.baseAddress, &length, bytes.baseAddress, bytes.count)
            }
        }
        guard done == 1 else { throw failure() }
        return Array(output.prefix(length))
    }
}
