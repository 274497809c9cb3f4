import Foundation
import IoTSecurity
import Testing

/// certGen.sh's commands as `iotlab pki` issues them, in memory and with P-256 keys for speed:
/// the files, subjects, chains and passwords the labs rely on.
@Suite struct CertGenRequestTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)
    private let profile = CertGenProfile(keyAlgorithm: .ecP256, now: Self.now)

    /// The files of `create_root_and_intermediate`, by path.
    private func authorityFiles() throws -> [String: CertGenFile] {
        let files = try CertGenRequest.rootAndIntermediate.issue(by: nil, profile: profile)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
    }

    private func text(_ file: CertGenFile?) -> String {
        String(decoding: file?.contents ?? [], as: UTF8.self)
    }

    private func issuer(_ role: CertGenIssuer.Role, from files: [String: CertGenFile]) throws -> CertGenIssuer {
        let texts = role.requiredFiles.map { text(files[$0]) }
        return try CertGenIssuer(certificatePEM: texts[0], keyPEM: texts[1], chainAbovePEM: Array(texts.dropFirst(2)))
    }

    @Test func rootAndIntermediateWriteCertGensFilesSubjectsAndEncryptedKeys() throws {
        let files = try CertGenRequest.rootAndIntermediate.issue(by: nil, profile: profile)
        #expect(files.map(\.path) == CertGenRequest.rootAndIntermediate.outputPaths)
        #expect(files.map(\.path).contains("certs/azure-iot-test-only.root.ca.cert.pem"))
        #expect(files.map(\.path).contains("private/azure-iot-test-only.root.ca.key.pem"))
        #expect(files.map(\.path).contains("certs/azure-iot-test-only.intermediate.cert.pem"))
        #expect(files.map(\.path).contains("certs/azure-iot-test-only.chain.ca.cert.pem"))
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        let root = try X509Certificate(pem: text(byPath[CertGenLayout.rootCertificate]))
        let intermediate = try X509Certificate(pem: text(byPath[CertGenLayout.intermediateCertificate]))
        #expect(root.subjectCommonName == "Azure IoT Hub CA Cert Test Only" && root.isSelfSigned && root.isCertificateAuthority)
        #expect(intermediate.subjectCommonName == "Azure IoT Hub Intermediate Cert Test Only" && intermediate.isCertificateAuthority)
        #expect(intermediate.isSigned(by: root))
        #expect(root.notBefore == Self.now && root.notAfter == Self.now.addingTimeInterval(30 * 86_400))
        #expect(try X509Certificate.all(inPEM: text(byPath[CertGenLayout.caChain])) == [intermediate, root])
        #expect(byPath[CertGenLayout.intermediateFullChain]?.contents == byPath[CertGenLayout.caChain]?.contents)
        let rootKeyText = text(byPath[CertGenLayout.rootKey])
        #expect(rootKeyText.contains("BEGIN ENCRYPTED PRIVATE KEY"))
        #expect(throws: X509Error.wrongPassword) { try PrivateKey(pem: rootKeyText, passphrase: "4321") }
        _ = try PrivateKey(pem: rootKeyText, passphrase: "1234")
        let pfx = try PKCS12Bundle(pfx: byPath[CertGenLayout.intermediatePFX]?.contents ?? [], password: "1234")
        #expect(pfx.certificate == intermediate && pfx.chain == [root])
        #expect(files.filter(\.isSecret).map(\.path).sorted() == [
            CertGenLayout.intermediatePFX, CertGenLayout.intermediateKey, CertGenLayout.rootKey,
        ])
    }

    @Test func aDeviceCertificateHasTheNameAsCNAndIsSignedByTheRoot() throws {
        let authority = try authorityFiles()
        let root = try issuer(.root, from: authority)
        let request = CertGenRequest.deviceCertificate(name: "sensor-thl-2000")
        let files = try request.issue(by: root, profile: profile)
        #expect(files.map(\.path) == [
            "private/new-device.key.pem", "certs/new-device.cert.pem", "certs/new-device-full-chain.cert.pem", "certs/new-device.cert.pfx",
        ])
        #expect(files.map(\.path) == request.outputPaths)
        let device = try X509Certificate(pem: text(files[1]))
        #expect(device.subjectCommonName == "sensor-thl-2000" && !device.isCertificateAuthority)
        #expect(device.issuerCommonName == "Azure IoT Hub CA Cert Test Only")
        try device.verify(trustedRoots: [root.certificate], at: Self.now.addingTimeInterval(86_400))
        // The key is unencrypted, as the Python SDK's X509(cert_file, key_file) reads it.
        let key = try PrivateKey(pem: text(files[0]))
        let bundle = try PKCS12Bundle(pfx: files[3].contents, password: "1234")
        #expect(bundle.key == key && bundle.certificate == device && bundle.chain == [root.certificate])
        #expect(try X509Certificate.all(inPEM: text(files[2])) == [device, root.certificate])
    }

    @Test func aDeviceFromTheIntermediateChainsThroughItToTheRoot() throws {
        let authority = try authorityFiles()
        let intermediate = try issuer(.intermediate, from: authority)
        let files = try CertGenRequest.deviceCertificateFromIntermediate(name: "sensor-thl-2001").issue(by: intermediate, profile: profile)
        let chain = try X509Certificate.all(inPEM: text(files[2]))
        #expect(chain.map(\.subjectCommonName) == [
            "sensor-thl-2001", "Azure IoT Hub Intermediate Cert Test Only", "Azure IoT Hub CA Cert Test Only",
        ])
        try chain[0].verify(intermediates: [chain[1]], trustedRoots: [chain[2]], at: Self.now.addingTimeInterval(60))
        #expect(try PKCS12Bundle(pfx: files[3].contents, password: "1234").chain == Array(chain.dropFirst()))
    }

    @Test func theVerificationCertificateCarriesTheCodeAndTheRootsSignature() throws {
        let authority = try authorityFiles()
        let root = try issuer(.root, from: authority)
        let code = "5F1D3A6B8C9E0F21436587A9CBEDF0123456789ABCDEF012"
        let files = try CertGenRequest.verificationCertificate(code: code).issue(by: root, profile: profile)
        #expect(files[1].path == "certs/verification-code.cert.pem")
        let certificate = try X509Certificate(pem: text(files[1]))
        #expect(certificate.subjectCommonName == code)
        #expect(certificate.isSigned(by: root.certificate))
    }

    @Test func anEdgeDeviceCAIsACAUnderTheIntermediateThatCanSignFurther() throws {
        let authority = try authorityFiles()
        let intermediate = try issuer(.intermediate, from: authority)
        let files = try CertGenRequest.edgeDeviceCACertificate(name: "MyEdgeDeviceCA").issue(by: intermediate, profile: profile)
        #expect(files.map(\.path) == [
            "private/iot-edge-device-ca-MyEdgeDeviceCA.key.pem", "certs/iot-edge-device-ca-MyEdgeDeviceCA.cert.pem",
            "certs/iot-edge-device-ca-MyEdgeDeviceCA-full-chain.cert.pem", "certs/iot-edge-device-ca-MyEdgeDeviceCA.cert.pfx",
        ])
        let chain = try X509Certificate.all(inPEM: text(files[2]))
        #expect(chain.count == 3)
        #expect(chain[0].subjectCommonName == "MyEdgeDeviceCA.ca" && chain[0].isCertificateAuthority)
        // The pfx has no password, as iotedge's certGen.sh writes it.
        #expect(try PKCS12Bundle(pfx: files[3].contents, password: "").certificate == chain[0])
        // edgeHub's server certificate comes from this CA: nothing limits the path length.
        let edgeCA = try CertGenIssuer(certificatePEM: text(files[1]), keyPEM: text(files[0]), chainAbovePEM: chain.dropFirst().map(\.pem))
        let server = try CertGenRequest.deviceCertificate(name: "gateway.local").issue(by: edgeCA, profile: profile)
        let leaf = try X509Certificate(pem: text(server[1]))
        try leaf.verify(intermediates: Array(chain.dropLast()), trustedRoots: [chain[2]], at: Self.now.addingTimeInterval(60))
    }

    @Test func rsaKeysAreCertGensDefaultAndWorkAtAnySize() throws {
        #expect(CertGenProfile(now: Self.now).keyAlgorithm == .rsa(bits: 4096))
        #expect(CertGenProfile(now: Self.now).validityDays == 30)
        let files = try CertGenRequest.rootAndIntermediate.issue(by: nil, profile: CertGenProfile(keyAlgorithm: .rsa(bits: 2048), now: Self.now))
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        let rsaIssuer = try issuer(.intermediate, from: byPath)
        let device = try CertGenRequest.deviceCertificateFromIntermediate(name: "rsa-device")
            .issue(by: rsaIssuer, profile: CertGenProfile(keyAlgorithm: .rsa(bits: 2048), now: Self.now))
        #expect(try X509Certificate(pem: text(device[1])).isSigned(by: rsaIssuer.certificate))
    }

    @Test func theValidityFollowsTheDaysAskedAndRefusesNone() throws {
        let files = try CertGenRequest.rootAndIntermediate.issue(by: nil, profile: CertGenProfile(keyAlgorithm: .ecP256, validityDays: 365, now: Self.now))
        let root = try X509Certificate(pem: text(files.first { $0.path == CertGenLayout.rootCertificate }))
        #expect(root.notAfter == Self.now.addingTimeInterval(365 * 86_400))
        #expect(throws: CertGenError.invalidValidity(days: 0)) {
            try CertGenRequest.rootAndIntermediate.issue(by: nil, profile: CertGenProfile(keyAlgorithm: .ecP256, validityDays: 0, now: Self.now))
        }
    }

    @Test func namesThatCannotBeACNOrAFileAreRefusedWithTheRule() throws {
        #expect(throws: CertGenError.invalidName(argument: "NAME", value: "", rule: "it becomes the certificate's CN, which must be 1 to 64 characters")) {
            try CertGenRequest.deviceCertificate(name: "").validate()
        }
        let long = String(repeating: "a", count: 65)
        #expect(throws: CertGenError.invalidName(argument: "CODE", value: long, rule: "it becomes the certificate's CN, which must be 1 to 64 characters")) {
            try CertGenRequest.verificationCertificate(code: long).validate()
        }
        // NAME.ca is the CN, so three characters fewer remain.
        let edge = String(repeating: "e", count: 62)
        #expect(throws: CertGenError.invalidName(argument: "NAME", value: edge, rule: "it becomes the certificate's CN, which must be 1 to 61 characters")) {
            try CertGenRequest.edgeDeviceCACertificate(name: edge).validate()
        }
        #expect(throws: CertGenError.invalidName(argument: "NAME", value: "../gw", rule: "it names files, so it cannot contain '/' or be '.' or '..'")) {
            try CertGenRequest.edgeDeviceCACertificate(name: "../gw").validate()
        }
        #expect(throws: CertGenError.invalidName(argument: "NAME", value: "a\nb", rule: "control characters cannot appear in a CN")) {
            try CertGenRequest.deviceCertificate(name: "a\nb").validate()
        }
        try CertGenRequest.deviceCertificate(name: String(repeating: "d", count: 64)).validate()
    }

    @Test func aLeafWithoutItsCASaysWhichFileIsMissingAndWhatToRun() {
        #expect(throws: CertGenError.missingAuthority(file: "certs/azure-iot-test-only.intermediate.cert.pem", runFirst: "create-root-and-intermediate")) {
            try CertGenRequest.edgeDeviceCACertificate(name: "gw").issue(by: nil, profile: profile)
        }
        #expect(CertGenIssuer.Role.root.requiredFiles == ["certs/azure-iot-test-only.root.ca.cert.pem", "private/azure-iot-test-only.root.ca.key.pem"])
    }

    @Test func anIssuerWhoseKeyOrChainDoesNotMatchIsRefused() throws {
        let one = try authorityFiles()
        let other = try authorityFiles()
        #expect(throws: CertGenError.certificate(.keyMismatch)) {
            try CertGenIssuer(certificatePEM: text(one[CertGenLayout.rootCertificate]), keyPEM: text(other[CertGenLayout.rootKey]))
        }
        #expect(throws: CertGenError.brokenChain(certificate: "Azure IoT Hub Intermediate Cert Test Only", issuer: "Azure IoT Hub CA Cert Test Only")) {
            try CertGenIssuer(
                certificatePEM: text(one[CertGenLayout.intermediateCertificate]), keyPEM: text(one[CertGenLayout.intermediateKey]),
                chainAbovePEM: [text(other[CertGenLayout.rootCertificate])])
        }
        #expect(throws: CertGenError.certificate(.wrongPassword)) {
            try CertGenIssuer(
                certificatePEM: text(one[CertGenLayout.rootCertificate]),
                keyPEM: PrivateKey(pem: text(one[CertGenLayout.rootKey]), passphrase: "1234").pem(passphrase: "other"))
        }
    }
}
