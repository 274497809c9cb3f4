import Foundation
internal import COpenSSL

extension X509Certificate {
    /// What a new certificate is for, which decides its extensions.
    public enum Usage: Sendable, Hashable {
        /// A root or intermediate CA, or an IoT Edge device CA (`CA:TRUE`, may sign certificates),
        /// as certGen.sh's `v3_ca` and `v3_intermediate_ca` profiles.
        case certificateAuthority
        /// A device, verification-code or server certificate (`CA:FALSE`, client and server
        /// authentication), as certGen.sh's `usr_cert` profile; `dnsNames` become subject
        /// alternative names, which a TLS server certificate needs.
        case endEntity(dnsNames: [String])
        /// A TLS server certificate such as the one a local front door presents (`CA:FALSE`, server
        /// authentication only): each host name becomes a subject alternative name, an IP literal
        /// (`127.0.0.1`, `::1`) as an `IP` entry and anything else as a `DNS` entry, because TLS
        /// clients match an address they connected to only against `IP` entries.
        case tlsServer(hostNames: [String])
    }

    /// A self-signed certificate, such as certGen.sh's root CA
    /// (`Azure IoT Hub CA Cert Test Only`) or a self-signed device certificate whose thumbprint is
    /// registered with the hub.
    ///
    /// Validity is given as instants so a lab can issue certificates against its own clock.
    /// - Throws: ``X509Error/openSSLFailure(operation:reason:)`` if OpenSSL cannot build or sign it.
    public static func selfSigned(
        commonName: String, key: PrivateKey, usage: Usage, notBefore: Date, notAfter: Date
    ) throws(X509Error) -> X509Certificate {
        try issue(
            commonName: commonName, subjectKey: key, issuer: nil, issuerKey: key,
            usage: usage, notBefore: notBefore, notAfter: notAfter)
    }

    /// A certificate for `subjectKey` signed by `issuer` with `issuerKey`: an intermediate CA, a
    /// device certificate, or a proof-of-possession certificate whose CN is the verification code.
    /// - Throws: ``X509Error/keyMismatch`` when `issuerKey` is not the key of `issuer`;
    ///   ``X509Error/openSSLFailure(operation:reason:)`` if OpenSSL cannot build or sign it.
    public static func issued(
        commonName: String, subjectKey: PrivateKey, issuer: X509Certificate, issuerKey: PrivateKey,
        usage: Usage, notBefore: Date, notAfter: Date
    ) throws(X509Error) -> X509Certificate {
        try issue(
            commonName: commonName, subjectKey: subjectKey, issuer: issuer, issuerKey: issuerKey,
            usage: usage, notBefore: notBefore, notAfter: notAfter)
    }

    private static func issue(
        commonName: String, subjectKey: PrivateKey, issuer: X509Certificate?, issuerKey: PrivateKey,
        usage: Usage, notBefore: Date, notAfter: Date
    ) throws(X509Error) -> X509Certificate {
        let built = try OpenSSLObjects.withPrivateKey(subjectKey.der) { subjectPublic throws(X509Error) in
            try OpenSSLObjects.withPrivateKey(issuerKey.der) { signing throws(X509Error) in
                if let issuer {
                    try issuer.withParsed { issuing throws(X509Error) in
                        guard X509_check_private_key(issuing, signing) == 1 else {
                            ERR_clear_error()
                            throw .keyMismatch
                        }
                        return try build(
                            commonName: commonName, subjectKey: subjectPublic, issuer: issuing, signingKey: signing,
                            usage: usage, notBefore: notBefore, notAfter: notAfter)
                    }
                } else {
                    try build(
                        commonName: commonName, subjectKey: subjectPublic, issuer: nil, signingKey: signing,
                        usage: usage, notBefore: notBefore, notAfter: notAfter)
                }
            }
        }
        guard let built, let certificate = built else {
            throw .malformedDER(expected: "private key")
        }
        return certificate
    }

    private static func build(
        commonName: String, subjectKey: OpaquePointer, issuer: OpaquePointer?, signingKey: OpaquePointer,
        usage: Usage, notBefore: Date, notAfter: Date
    ) throws(X509Error) -> X509Certificate {
        func failure(_ step: String) -> X509Error {
            .openSSLFailure(operation: "certificate \(step)", reason: OpenSSLObjects.lastError())
        }
        guard let certificate = X509_new() else { throw failure("creation") }
        defer { X509_free(certificate) }
        guard let name = X509_NAME_new() else { throw failure("creation") }
        defer { X509_NAME_free(name) }

        let serial = UInt64.random(in: 1...UInt64(Int64.max))
        guard X509_set_version(certificate, 2) == 1,
              ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate), serial) == 1,
              ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(UnixTime.seconds(of: notBefore))) != nil,
              ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(UnixTime.seconds(of: notAfter))) != nil,
              X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8, commonName, -1, -1, 0) == 1,
              X509_set_subject_name(certificate, name) == 1,
              X509_set_issuer_name(certificate, issuer.map { X509_get_subject_name($0) } ?? name) == 1,
              X509_set_pubkey(certificate, subjectKey) == 1
        else { throw failure("fields") }

        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer ?? certificate, certificate, nil, nil, 0)
        for (nid, value) in extensions(for: usage, selfSigned: issuer == nil) {
            guard let extensionValue = X509V3_EXT_conf_nid(nil, &context, nid, value) else { throw failure("extension") }
            defer { X509_EXTENSION_free(extensionValue) }
            guard X509_add_ext(certificate, extensionValue, -1) == 1 else { throw failure("extension") }
        }
        guard X509_sign(certificate, signingKey, EVP_sha256()) > 0 else { throw failure("signing") }
        return try X509Certificate(der: OpenSSLObjects.encode { i2d_X509(certificate, $0) })
    }

    /// The v3 extensions for each usage, in the order OpenSSL must add them (the subject key
    /// identifier before the authority key identifier that refers to it). A self-signed end-entity
    /// certificate has no authority key identifier: there is no CA key to identify.
    private static func extensions(for usage: Usage, selfSigned: Bool) -> [(Int32, String)] {
        switch usage {
        case .certificateAuthority:
            return [
                (NID_basic_constraints, "critical,CA:TRUE"),
                (NID_key_usage, "critical,digitalSignature,cRLSign,keyCertSign"),
                (NID_subject_key_identifier, "hash"),
                (NID_authority_key_identifier, "keyid:always"),
            ]
        case .endEntity(let dnsNames):
            var list: [(Int32, String)] = [
                (NID_basic_constraints, "CA:FALSE"),
                (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
                (NID_ext_key_usage, "clientAuth,serverAuth"),
                (NID_subject_key_identifier, "hash"),
            ]
            if !selfSigned {
                list.append((NID_authority_key_identifier, "keyid"))
            }
            if !dnsNames.isEmpty {
                list.append((NID_subject_alt_name, dnsNames.map { "DNS:\($0)" }.joined(separator: ",")))
            }
            return list
        case .tlsServer(let hostNames):
            var list: [(Int32, String)] = [
                (NID_basic_constraints, "critical,CA:FALSE"),
                (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
                (NID_ext_key_usage, "serverAuth"),
                (NID_subject_key_identifier, "hash"),
            ]
            if !selfSigned {
                list.append((NID_authority_key_identifier, "keyid"))
            }
            if !hostNames.isEmpty {
                let entries = hostNames.map { HostName.isIPAddress($0) ? "IP:\($0)" : "DNS:\($0)" }
                list.append((NID_subject_alt_name, entries.joined(separator: ",")))
            }
            return list
        }
    }
}
