import Foundation
internal import COpenSSL

extension X509Certificate {
    /// The subject's common name (`CN`): a device's ID for CA-signed device authentication, the
    /// registration ID for DPS X.509 enrollments, the verification code on a proof-of-possession
    /// certificate.
    public var subjectCommonName: String? {
        try? withParsed { certificate in Self.commonName(in: X509_get_subject_name(certificate)) }
    }

    /// The issuer's common name.
    public var issuerCommonName: String? {
        try? withParsed { certificate in Self.commonName(in: X509_get_issuer_name(certificate)) }
    }

    /// The first instant the certificate is valid.
    public var notBefore: Date {
        (try? withParsed { certificate in Self.date(X509_get0_notBefore(certificate)) }) ?? .distantPast
    }

    /// The last instant the certificate is valid (certGen.sh issues 30-day certificates).
    public var notAfter: Date {
        (try? withParsed { certificate in Self.date(X509_get0_notAfter(certificate)) }) ?? .distantPast
    }

    /// Whether the certificate may sign others (basic constraints `CA:TRUE`): required of a CA
    /// certificate uploaded for group enrollment or CA-signed device authentication.
    public var isCertificateAuthority: Bool {
        (try? withParsed { certificate in X509_check_ca(certificate) != 0 }) ?? false
    }

    /// Whether the certificate names itself as issuer and carries its own valid signature: a root
    /// CA, or a device certificate registered by thumbprint (which need not be allowed to sign
    /// other certificates, so this is not ``isSigned(by:)`` with itself).
    public var isSelfSigned: Bool {
        let result = try? withParsed { certificate in X509_self_signed(certificate, 1) == 1 }
        ERR_clear_error()
        return result ?? false
    }

    private static func commonName(in name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
              let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, data)
        guard length >= 0, let utf8 else { return nil }
        defer { CRYPTO_free(utf8, #fileID, #line) }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return .distantPast }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
