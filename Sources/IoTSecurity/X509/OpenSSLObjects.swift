internal import COpenSSL

/// Scoped access to OpenSSL objects parsed from the DER bytes the Swift values hold.
///
/// Certificates and keys are stored as DER so that they are plain, `Sendable`, `Hashable` values;
/// each operation parses a short-lived OpenSSL object and frees it before returning, so no OpenSSL
/// pointer outlives the call that made it.
enum OpenSSLObjects {
    /// Runs `body` with an `X509*` parsed from `der`, or returns `nil` if `der` is not a certificate.
    static func withCertificate<Result>(_ der: [UInt8], _ body: (OpaquePointer) throws(X509Error) -> Result) throws(X509Error) -> Result? {
        guard let certificate = parseCertificate(der) else { return nil }
        defer { X509_free(certificate) }
        return try body(certificate)
    }

    /// A new `X509*` the caller must free (or hand to an owner such as a stack), or `nil`.
    static func parseCertificate(_ der: [UInt8]) -> OpaquePointer? {
        parse(der, with: { d2i_X509(nil, $0, $1) })
    }

    /// Runs `body` with an `EVP_PKEY*` parsed from private-key DER (PKCS#8 or traditional), or
    /// returns `nil` if `der` is not a private key.
    static func withPrivateKey<Result>(_ der: [UInt8], _ body: (OpaquePointer) throws(X509Error) -> Result) throws(X509Error) -> Result? {
        guard let key = parse(der, with: { d2i_AutoPrivateKey(nil, $0, $1) }) else { return nil }
        defer { EVP_PKEY_free(key) }
        return try body(key)
    }

    /// The DER encoding an OpenSSL `i2d_*` function writes.
    static func encode(_ i2d: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> [UInt8] {
        let length = i2d(nil)
        guard length > 0 else { return [] }
        var der = [UInt8](repeating: 0, count: Int(length))
        der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d(&cursor)
        }
        return der
    }

    /// OpenSSL's reason for the earliest failure queued on this thread, emptying the queue so a
    /// later call does not report a stale error.
    static func lastError() -> String {
        let code = ERR_get_error()
        defer { ERR_clear_error() }
        guard code != 0 else { return "unknown error" }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func parse(
        _ der: [UInt8],
        with d2i: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?
    ) -> OpaquePointer? {
        der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            let object = d2i(&cursor, buffer.count)
            if object == nil { ERR_clear_error() }
            return object
        }
    }
}
