import Foundation
import IoTSecurity
import Testing
import WireProtocols

@Suite struct TLSCertificateFilesTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func firstUseCreatesACAAndAServerCertificateCoveringLoopbackAndEveryHub() throws {
        let folder = try TLSTestFolder()
        let certificates = try FrontDoorCertificates.loadOrCreate(
            in: folder.url, hostNames: ["myhub.azure-devices.net"], now: now)

        #expect(certificates.caFile == folder.file("ca.pem"))
        #expect(try String(contentsOf: certificates.caFile, encoding: .utf8) == certificates.caCertificatePEM)
        let authority = try X509Certificate(pem: certificates.caCertificatePEM)
        let server = try X509Certificate(pem: certificates.serverCertificatePEM)
        #expect(authority.isCertificateAuthority && authority.isSelfSigned)
        #expect(server.isSigned(by: authority))
        #expect(!server.isCertificateAuthority)
        for host in ["localhost", "127.0.0.1", "::1", "myhub.azure-devices.net", "MyHub.Azure-Devices.net"] {
            #expect(server.isValid(forHost: host), "server certificate must cover \(host)")
        }
        #expect(!server.isValid(forHost: "otherhub.azure-devices.net"))
        #expect(!server.isValid(forHost: "10.0.0.1"))
        #expect(server.notBefore <= now && server.notAfter > now.addingTimeInterval(365 * 86_400))
        _ = try PrivateKey(pem: certificates.serverPrivateKeyPEM)
    }

    @Test func privateKeysAreReadableByTheOwnerOnly() throws {
        let folder = try TLSTestFolder()
        _ = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        for name in ["ca.key.pem", "server.pem"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.file(name).path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
        }
    }

    @Test func restartingWithTheSameHostsKeepsBothCertificates() throws {
        let folder = try TLSTestFolder()
        let first = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: ["a.azure-devices.net"], now: now)
        let second = try FrontDoorCertificates.loadOrCreate(
            in: folder.url, hostNames: ["a.azure-devices.net", "localhost"], now: now.addingTimeInterval(86_400))
        #expect(second.caCertificatePEM == first.caCertificatePEM)
        #expect(second.serverCertificatePEM == first.serverCertificatePEM)
        #expect(second.serverPrivateKeyPEM == first.serverPrivateKeyPEM)
    }

    @Test func aNewHubReissuesTheServerCertificateUnderTheSameCA() throws {
        let folder = try TLSTestFolder()
        let first = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: ["a.azure-devices.net"], now: now)
        let second = try FrontDoorCertificates.loadOrCreate(
            in: folder.url, hostNames: ["a.azure-devices.net", "b.azure-devices.net"], now: now)
        #expect(second.caCertificatePEM == first.caCertificatePEM)
        #expect(second.serverCertificatePEM != first.serverCertificatePEM)
        let server = try X509Certificate(pem: second.serverCertificatePEM)
        #expect(server.isValid(forHost: "a.azure-devices.net") && server.isValid(forHost: "b.azure-devices.net"))
        #expect(server.isSigned(by: try X509Certificate(pem: first.caCertificatePEM)))
    }

    @Test func aServerCertificateWithinThirtyDaysOfExpiryIsReissued() throws {
        let folder = try TLSTestFolder()
        let first = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        let expiry = try X509Certificate(pem: first.serverCertificatePEM).notAfter
        let stillFine = try FrontDoorCertificates.loadOrCreate(
            in: folder.url, hostNames: [], now: expiry.addingTimeInterval(-31 * 86_400))
        #expect(stillFine.serverCertificatePEM == first.serverCertificatePEM)
        let renewed = try FrontDoorCertificates.loadOrCreate(
            in: folder.url, hostNames: [], now: expiry.addingTimeInterval(-29 * 86_400))
        #expect(renewed.serverCertificatePEM != first.serverCertificatePEM)
        #expect(renewed.caCertificatePEM == first.caCertificatePEM)
    }

    @Test func aDamagedServerFileIsSimplyIssuedAgain() throws {
        let folder = try TLSTestFolder()
        let first = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        try "not a certificate".write(to: folder.file("server.pem"), atomically: true, encoding: .utf8)
        let second = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        #expect(second.caCertificatePEM == first.caCertificatePEM)
        #expect(try X509Certificate(pem: second.serverCertificatePEM).isSigned(by: X509Certificate(pem: first.caCertificatePEM)))
    }

    @Test func aDamagedCAIsAnErrorNamingTheFileNotASilentNewCA() throws {
        let folder = try TLSTestFolder()
        _ = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        try "garbage".write(to: folder.file("ca.pem"), atomically: true, encoding: .utf8)
        #expect(throws: FrontDoorCertificateError.unreadable(
            file: folder.file("ca.pem").path,
            reason: "PEM text must contain a \"-----BEGIN CERTIFICATE-----\" block")) {
            try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        }
    }

    @Test func aMissingCAKeyIsAnErrorNamingTheKeyFile() throws {
        let folder = try TLSTestFolder()
        _ = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        try FileManager.default.removeItem(at: folder.file("ca.key.pem"))
        #expect(throws: FrontDoorCertificateError.unreadable(
            file: folder.file("ca.key.pem").path, reason: "the key of ca.pem is missing")) {
            try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        }
    }

    @Test func aCAKeyThatIsNotTheCAsIsAnError() throws {
        let folder = try TLSTestFolder()
        _ = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        try PrivateKey.generate(.ecP256).pem.write(to: folder.file("ca.key.pem"), atomically: true, encoding: .utf8)
        #expect(throws: FrontDoorCertificateError.unreadable(
            file: folder.file("ca.key.pem").path, reason: "not the key of ca.pem")) {
            try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        }
    }

    @Test func anExpiredCAIsReplaced() throws {
        let folder = try TLSTestFolder()
        let first = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        let later = try X509Certificate(pem: first.caCertificatePEM).notAfter.addingTimeInterval(1)
        let second = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: later)
        #expect(second.caCertificatePEM != first.caCertificatePEM)
        #expect(try X509Certificate(pem: second.serverCertificatePEM).isSigned(by: X509Certificate(pem: second.caCertificatePEM)))
    }
}
