/// One certGen.sh command: what it issues, which CA signs it and which files it writes.
///
/// The subjects, extensions and file names are certGen.sh's, so the official labs' text maps one
/// to one: lab 06 runs `create_root_and_intermediate`, `create_verification_certificate CODE` and
/// `create_device_certificate sensor-thl-2000`; lab 12 runs `create_edge_device_ca_certificate
/// MyEdgeDeviceCA`.
public enum CertGenRequest: Sendable, Hashable {
    /// A self-signed root CA and an intermediate CA it signs (`v3_ca` and `v3_intermediate_ca`:
    /// `CA:TRUE`, keyCertSign, no path length limit), both keys encrypted with `1234`.
    case rootAndIntermediate
    /// A proof-of-possession certificate whose CN is the verification code the hub or DPS
    /// generated, signed by the root: `certs/verification-code.cert.pem`.
    case verificationCertificate(code: String)
    /// A device certificate whose CN is the device (registration) id, signed by the root:
    /// `certs/new-device.cert.pem`, its unencrypted key and a `.pfx` with password `1234`.
    case deviceCertificate(name: String)
    /// The same files, signed by the intermediate.
    case deviceCertificateFromIntermediate(name: String)
    /// An IoT Edge device CA (`CA:TRUE`, CN `NAME.ca` so it never equals the gateway's host name),
    /// signed by the intermediate: `certs/iot-edge-device-ca-NAME-full-chain.cert.pem` and
    /// `private/iot-edge-device-ca-NAME.key.pem`, what an edge gateway's `certificates:` section names.
    case edgeDeviceCACertificate(name: String)

    /// The command as `iotlab pki` spells it, for messages that tell the learner what to run.
    public var commandName: String {
        switch self {
        case .rootAndIntermediate: "create-root-and-intermediate"
        case .verificationCertificate: "create-verification-certificate"
        case .deviceCertificate: "create-device-certificate"
        case .deviceCertificateFromIntermediate: "create-device-certificate-from-intermediate"
        case .edgeDeviceCACertificate: "create-edge-device-ca-certificate"
        }
    }

    /// The CA that signs what this command issues; `nil` for the root and intermediate themselves.
    public var signer: CertGenIssuer.Role? {
        switch self {
        case .rootAndIntermediate: nil
        case .verificationCertificate, .deviceCertificate: .root
        case .deviceCertificateFromIntermediate, .edgeDeviceCACertificate: .intermediate
        }
    }

    /// Every file the command writes, relative to the certificate folder, so existing ones can be
    /// found before any slow key generation starts.
    public var outputPaths: [String] {
        switch self {
        case .rootAndIntermediate:
            [
                CertGenLayout.rootKey, CertGenLayout.rootCertificate, CertGenLayout.intermediateKey,
                CertGenLayout.intermediateCertificate, CertGenLayout.caChain, CertGenLayout.intermediateFullChain,
                CertGenLayout.intermediatePFX,
            ]
        default:
            leafProfile.map { Self.leafPaths($0.prefix) } ?? []
        }
    }

    /// Checks the name or code before anything is generated.
    /// - Throws: ``CertGenError/invalidName(argument:value:rule:)`` naming the rule broken.
    public func validate() throws(CertGenError) {
        guard let profile = leafProfile else { return }
        let value = profile.argumentValue
        // RFC 5280's upper bound for a CN; OpenSSL refuses a longer one.
        let limit = 64 - (profile.commonName.count - value.count)
        guard !value.isEmpty, value.count <= limit else {
            throw .invalidName(argument: profile.argument, value: value, rule: "it becomes the certificate's CN, which must be 1 to \(limit) characters")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidName(argument: profile.argument, value: value, rule: "control characters cannot appear in a CN")
        }
        if case .edgeDeviceCACertificate = self, value.contains("/") || value == "." || value == ".." {
            throw .invalidName(argument: profile.argument, value: value, rule: "it names files, so it cannot contain '/' or be '.' or '..'")
        }
    }

    /// Issues the certificates and returns the files to write, in ``outputPaths`` order.
    /// `issuer` is the CA of ``signer`` (ignored, and may be `nil`, for ``rootAndIntermediate``).
    /// - Throws: ``CertGenError`` for an invalid name or validity, a missing issuer, or an OpenSSL failure.
    public func issue(by issuer: CertGenIssuer?, profile: CertGenProfile) throws(CertGenError) -> [CertGenFile] {
        try validate()
        guard (1...CertGenProfile.maximumValidityDays).contains(profile.validityDays) else {
            throw .invalidValidity(days: profile.validityDays)
        }
        guard let leaf = leafProfile else { return try Self.certificates { () throws(X509Error) in try Self.issueRootAndIntermediate(profile) } }
        guard let issuer else {
            throw .missingAuthority(file: signer?.requiredFiles.first ?? CertGenLayout.rootCertificate, runFirst: Self.rootAndIntermediate.commandName)
        }
        return try Self.certificates { () throws(X509Error) in try Self.issueLeaf(leaf, issuer: issuer, profile: profile) }
    }

    /// Runs a certificate operation, reporting its failure as a ``CertGenError``.
    private static func certificates(_ body: () throws(X509Error) -> [CertGenFile]) throws(CertGenError) -> [CertGenFile] {
        do {
            return try body()
        } catch {
            throw .certificate(error)
        }
    }

    /// What a leaf command issues: file prefix, CN, extensions and `.pfx` password.
    private struct LeafProfile {
        let argument: String
        let argumentValue: String
        let prefix: String
        let commonName: String
        let usage: X509Certificate.Usage
        let pfxPassword: String
    }

    private var leafProfile: LeafProfile? {
        let device = X509Certificate.Usage.endEntity(dnsNames: [])
        switch self {
        case .rootAndIntermediate:
            return nil
        case .verificationCertificate(let code):
            return LeafProfile(
                argument: "CODE", argumentValue: code, prefix: CertGenLayout.verificationPrefix, commonName: code, usage: device,
                pfxPassword: CertGenProfile.devicePFXPassword)
        case .deviceCertificate(let name), .deviceCertificateFromIntermediate(let name):
            return LeafProfile(
                argument: "NAME", argumentValue: name, prefix: CertGenLayout.devicePrefix, commonName: name, usage: device,
                pfxPassword: CertGenProfile.devicePFXPassword)
        case .edgeDeviceCACertificate(let name):
            return LeafProfile(
                argument: "NAME", argumentValue: name, prefix: CertGenLayout.edgeDeviceCAPrefix(name), commonName: "\(name).ca",
                usage: .certificateAuthority, pfxPassword: CertGenProfile.edgePFXPassword)
        }
    }

    private static func leafPaths(_ prefix: String) -> [String] {
        [CertGenLayout.key(prefix), CertGenLayout.certificate(prefix), CertGenLayout.fullChain(prefix), CertGenLayout.pfx(prefix)]
    }

    private static func issueLeaf(_ leaf: LeafProfile, issuer: CertGenIssuer, profile: CertGenProfile) throws(X509Error) -> [CertGenFile] {
        let key = try PrivateKey.generate(profile.keyAlgorithm)
        let certificate = try X509Certificate.issued(
            commonName: leaf.commonName, subjectKey: key, issuer: issuer.certificate, issuerKey: issuer.key, usage: leaf.usage,
            notBefore: profile.notBefore, notAfter: profile.notAfter)
        let bundle = try PKCS12Bundle(key: key, certificate: certificate, chain: issuer.chain)
        let paths = leafPaths(leaf.prefix)
        return [
            CertGenFile(path: paths[0], text: key.pem, isSecret: true),
            CertGenFile(path: paths[1], text: certificate.pem),
            CertGenFile(path: paths[2], text: ([certificate] + issuer.chain).map(\.pem).joined()),
            CertGenFile(path: paths[3], contents: try bundle.pfx(password: leaf.pfxPassword, friendlyName: leaf.prefix), isSecret: true),
        ]
    }

    private static func issueRootAndIntermediate(_ profile: CertGenProfile) throws(X509Error) -> [CertGenFile] {
        let rootKey = try PrivateKey.generate(profile.keyAlgorithm)
        let root = try X509Certificate.selfSigned(
            commonName: CertGenProfile.rootCommonName, key: rootKey, usage: .certificateAuthority,
            notBefore: profile.notBefore, notAfter: profile.notAfter)
        let intermediateKey = try PrivateKey.generate(profile.keyAlgorithm)
        let intermediate = try X509Certificate.issued(
            commonName: CertGenProfile.intermediateCommonName, subjectKey: intermediateKey, issuer: root, issuerKey: rootKey,
            usage: .certificateAuthority, notBefore: profile.notBefore, notAfter: profile.notAfter)
        let chain = intermediate.pem + root.pem
        let bundle = try PKCS12Bundle(key: intermediateKey, certificate: intermediate, chain: [root])
        let password = CertGenProfile.caKeyPassword
        return [
            CertGenFile(path: CertGenLayout.rootKey, text: try rootKey.pem(passphrase: password), isSecret: true),
            CertGenFile(path: CertGenLayout.rootCertificate, text: root.pem),
            CertGenFile(path: CertGenLayout.intermediateKey, text: try intermediateKey.pem(passphrase: password), isSecret: true),
            CertGenFile(path: CertGenLayout.intermediateCertificate, text: intermediate.pem),
            CertGenFile(path: CertGenLayout.caChain, text: chain),
            CertGenFile(path: CertGenLayout.intermediateFullChain, text: chain),
            CertGenFile(
                path: CertGenLayout.intermediatePFX,
                contents: try bundle.pfx(password: password, friendlyName: CertGenLayout.intermediatePrefix), isSecret: true),
        ]
    }
}
