import Foundation
import IoTSecurity
import Testing

@Suite struct X509IssuingTests {
    private let now = TestAuthority.start.addingTimeInterval(3600)

    @Test func rootAndIntermediateAreCAsAndDeviceIsNot() throws {
        let authority = try TestAuthority()
        let device = try authority.device("sensor-thl-2000").certificate
        #expect(authority.root.isCertificateAuthority && authority.root.isSelfSigned)
        #expect(authority.intermediate.isCertificateAuthority && !authority.intermediate.isSelfSigned)
        #expect(!device.isCertificateAuthority)
        #expect(device.subjectCommonName == "sensor-thl-2000")
        #expect(device.issuerCommonName == "Azure IoT Hub Intermediate Cert Test Only")
        #expect(device.notBefore == TestAuthority.start && device.notAfter == TestAuthority.end)
    }

    @Test func deviceChainVerifiesAgainstTheRoot() throws {
        let authority = try TestAuthority()
        let device = try authority.device("sensor-thl-2001").certificate
        try device.verify(intermediates: [authority.intermediate], trustedRoots: [authority.root], at: now)
    }

    @Test func aVerifiedIntermediateIsEnoughOfAnAnchor() throws {
        let authority = try TestAuthority()
        let device = try authority.device("sensor-thl-2006").certificate
        try device.verify(trustedRoots: [authority.intermediate], at: now)
    }

    @Test func chainWithoutItsIntermediateIsUntrusted() throws {
        let authority = try TestAuthority()
        let device = try authority.device("sensor-thl-2002").certificate
        #expect(throws: CertificateVerificationError.untrusted(commonName: "sensor-thl-2002")) {
            try device.verify(trustedRoots: [authority.root], at: now)
        }
    }

    @Test func anotherRootIsNotTrusted() throws {
        let authority = try TestAuthority()
        let stranger = try TestAuthority()
        let device = try authority.device("sensor-thl-2003").certificate
        #expect(throws: CertificateVerificationError.untrusted(commonName: "Azure IoT Hub Intermediate Cert Test Only")) {
            try device.verify(intermediates: [authority.intermediate], trustedRoots: [stranger.root], at: now)
        }
    }

    @Test func expiredDeviceCertificateIsNamedWithItsExpiry() throws {
        let authority = try TestAuthority()
        let shortLived = TestAuthority.start.addingTimeInterval(60)
        let device = try authority.device("sensor-thl-2004", notAfter: shortLived).certificate
        #expect(throws: CertificateVerificationError.expired(commonName: "sensor-thl-2004", notAfter: shortLived)) {
            try device.verify(intermediates: [authority.intermediate], trustedRoots: [authority.root], at: now)
        }
    }

    @Test func certificateIsNotValidBeforeItsStart() throws {
        let authority = try TestAuthority()
        let device = try authority.device("sensor-thl-2005").certificate
        let before = TestAuthority.start.addingTimeInterval(-1)
        #expect(throws: CertificateVerificationError.notYetValid(
            commonName: "Azure IoT Hub CA Cert Test Only", notBefore: TestAuthority.start)) {
            try device.verify(intermediates: [authority.intermediate], trustedRoots: [authority.root], at: before)
        }
    }

    @Test func proofOfPossessionHoldsOnlyForTheCAKeyHolder() throws {
        let authority = try TestAuthority()
        let stranger = try TestAuthority()
        let code = "7C7A9D5B2F0E4C1A8B3D6E9F0A1B2C3D4E5F6A7B8C9D0E1F"
        let proof = try X509Certificate.issued(
            commonName: code, subjectKey: PrivateKey.generate(.ecP256), issuer: authority.root,
            issuerKey: authority.rootKey, usage: .endEntity(dnsNames: []), notBefore: now, notAfter: TestAuthority.end)
        #expect(proof.subjectCommonName == code)
        #expect(proof.isSigned(by: authority.root))
        #expect(!proof.isSigned(by: stranger.root))
    }

    @Test func signingWithAKeyThatIsNotTheIssuersFails() throws {
        let authority = try TestAuthority()
        #expect(throws: X509Error.keyMismatch) {
            try X509Certificate.issued(
                commonName: "d", subjectKey: authority.intermediateKey, issuer: authority.root,
                issuerKey: authority.intermediateKey, usage: .endEntity(dnsNames: []),
                notBefore: now, notAfter: TestAuthority.end)
        }
    }

    @Test func rsaKeysWorkAsCertGenUsesThem() throws {
        let key = try PrivateKey.generate(.rsa(bits: 2048))
        let certificate = try X509Certificate.selfSigned(
            commonName: "localhost", key: key, usage: .endEntity(dnsNames: ["localhost", "myhub.azure-devices.net"]),
            notBefore: TestAuthority.start, notAfter: TestAuthority.end)
        #expect(certificate.isSelfSigned)
        #expect(try PrivateKey(pem: key.pem) == key)
    }

    @Test func absurdRSASizeIsAnOpenSSLFailureNotACrash() {
        #expect(performing: { try PrivateKey.generate(.rsa(bits: 16)) }, throws: { error in
            if case .openSSLFailure(operation: "key generation", reason: _) = error as? X509Error { true } else { false }
        })
    }

    @Test func aTLSServerCertificateMatchesItsDNSNamesAndIPAddressesAsClientsDo() throws {
        let authority = try TestAuthority()
        let server = try X509Certificate.issued(
            commonName: "localhost", subjectKey: PrivateKey.generate(.ecP256), issuer: authority.root,
            issuerKey: authority.rootKey, usage: .tlsServer(hostNames: ["localhost", "127.0.0.1", "::1", "hub.azure-devices.net"]),
            notBefore: TestAuthority.start, notAfter: TestAuthority.end)
        #expect(!server.isCertificateAuthority)
        #expect(server.isValid(forHost: "localhost"))
        #expect(server.isValid(forHost: "HUB.azure-devices.net"))
        #expect(server.isValid(forHost: "127.0.0.1"))
        #expect(server.isValid(forHost: "::1"))
        #expect(server.isValid(forHost: "0:0:0:0:0:0:0:1"))
        #expect(!server.isValid(forHost: "127.0.0.2"))
        #expect(!server.isValid(forHost: "other.azure-devices.net"))
        #expect(!server.isValid(forHost: ""))
    }

    @Test func anIPAddressWrittenAsADNSNameDoesNotMatchTheAddress() throws {
        // What `.endEntity(dnsNames:)` writes for "127.0.0.1": clients connecting to the address ignore it.
        let certificate = try X509Certificate.selfSigned(
            commonName: "x", key: PrivateKey.generate(.ecP256), usage: .endEntity(dnsNames: ["127.0.0.1"]),
            notBefore: TestAuthority.start, notAfter: TestAuthority.end)
        #expect(!certificate.isValid(forHost: "127.0.0.1"))
    }
}
