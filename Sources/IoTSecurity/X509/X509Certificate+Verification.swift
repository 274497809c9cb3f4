import Foundation
internal import COpenSSL

extension X509Certificate {
    /// Whether `issuer` issued this certificate: its subject is this certificate's issuer and its
    /// public key verifies this certificate's signature.
    ///
    /// This is the proof-of-possession check: a CA certificate becomes *Verified* in the hub or DPS
    /// once the user presents a certificate whose CN is the verification code and which the CA's
    /// key signed.
    public func isSigned(by issuer: X509Certificate) -> Bool {
        let result = try? withParsed { subject throws(X509Error) in
            try issuer.withParsed { issuing in
                X509_check_issued(issuing, subject) == X509_V_OK
                    && X509_get0_pubkey(issuing).map { X509_verify(subject, $0) == 1 } == true
            }
        }
        ERR_clear_error()
        return result ?? false
    }

    /// Checks that this certificate chains, through `intermediates`, to one of `trustedRoots`,
    /// with every certificate valid at `time`. A trusted certificate need not be a self-signed
    /// root: an intermediate CA the user verified is an anchor too, as in Azure.
    ///
    /// This is how the hub accepts a CA-signed device and DPS a group enrollment: the device sends
    /// its certificate (and, from a chain file, any intermediates), and only CA certificates the
    /// user verified count as trusted. `time` comes from the lab clock, never the wall clock.
    /// - Throws: ``CertificateVerificationError`` naming the certificate at fault.
    public func verify(
        intermediates: [X509Certificate] = [], trustedRoots: [X509Certificate], at time: Date
    ) throws(CertificateVerificationError) {
        let failure: CertificateVerificationError?
        do {
            failure = try withParsed { leaf in
                Self.verify(leaf: leaf, intermediates: intermediates, trustedRoots: trustedRoots, at: time)
            }
        } catch {
            failure = .invalid(commonName: nil, reason: error.description)
        }
        ERR_clear_error()
        if let failure { throw failure }
    }

    private static func verify(
        leaf: OpaquePointer, intermediates: [X509Certificate], trustedRoots: [X509Certificate], at time: Date
    ) -> CertificateVerificationError? {
        guard let store = X509_STORE_new(), let context = X509_STORE_CTX_new(), let untrusted = OPENSSL_sk_new_null() else {
            return .invalid(commonName: nil, reason: OpenSSLObjects.lastError())
        }
        defer {
            X509_STORE_CTX_free(context)
            X509_STORE_free(store)
            // The stack owns the intermediates pushed onto it.
            OPENSSL_sk_pop_free(untrusted) { X509_free(OpaquePointer($0)) }
        }
        // Azure lets a user verify an intermediate CA as well as a root, so any trusted
        // certificate ends a chain, self-signed or not.
        X509_STORE_set_flags(store, UInt(X509_V_FLAG_PARTIAL_CHAIN))
        for root in trustedRoots {
            if let parsed = OpenSSLObjects.parseCertificate(root.der) {
                X509_STORE_add_cert(store, parsed)
                X509_free(parsed)
            }
        }
        for intermediate in intermediates {
            if let parsed = OpenSSLObjects.parseCertificate(intermediate.der) {
                OPENSSL_sk_push(untrusted, UnsafeRawPointer(parsed))
            }
        }
        guard X509_STORE_CTX_init(context, store, leaf, untrusted) == 1 else {
            return .invalid(commonName: nil, reason: OpenSSLObjects.lastError())
        }
        X509_STORE_CTX_set_time(context, 0, time_t(UnixTime.seconds(of: time)))
        guard X509_verify_cert(context) != 1 else { return nil }

        let code = X509_STORE_CTX_get_error(context)
        let atFault = X509_STORE_CTX_get_current_cert(context).flatMap { current in
            try? X509Certificate(der: OpenSSLObjects.encode { i2d_X509(current, $0) })
        }
        let name = atFault?.subjectCommonName
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return .expired(commonName: name, notAfter: atFault?.notAfter ?? time)
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return .notYetValid(commonName: name, notBefore: atFault?.notBefore ?? time)
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
             X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            return .untrusted(commonName: name)
        default:
            return .invalid(commonName: name, reason: String(cString: X509_verify_cert_error_string(Int(code))))
        }
    }
}
