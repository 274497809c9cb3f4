import IoTSecurity
import Testing

@Suite struct PKCS12BundleTests {
    @Test func deviceBundleRoundTripsWithCertGensPassword() throws {
        let authority = try TestAuthority()
        let device = try authority.device("sensor-thl-2000")
        let bundle = try PKCS12Bundle(key: device.key, certificate: device.certificate, chain: [authority.intermediate, authority.root])
        let pfx = try bundle.pfx(password: "1234", friendlyName: "sensor-thl-2000")
        let reopened = try PKCS12Bundle(pfx: pfx, password: "1234")
        #expect(reopened.key == device.key)
        #expect(reopened.certificate == device.certificate)
        #expect(Set(reopened.chain) == [authority.intermediate, authority.root])
    }

    @Test func emptyPasswordWorksAsIoTEdgeUsesIt() throws {
        let authority = try TestAuthority()
        let bundle = try PKCS12Bundle(key: authority.rootKey, certificate: authority.root)
        #expect(try PKCS12Bundle(pfx: bundle.pfx(password: ""), password: "") == bundle)
    }

    @Test func wrongPasswordIsRefused() throws {
        let authority = try TestAuthority()
        let pfx = try PKCS12Bundle(key: authority.rootKey, certificate: authority.root).pfx(password: "1234")
        #expect(throws: X509Error.wrongPassword) { try PKCS12Bundle(pfx: pfx, password: "4321") }
    }

    @Test func keyOfAnotherCertificateIsRefused() throws {
        let authority = try TestAuthority()
        #expect(throws: X509Error.keyMismatch) {
            try PKCS12Bundle(key: authority.intermediateKey, certificate: authority.root)
        }
    }

    @Test func bytesThatAreNotPKCS12AreRefused() {
        #expect(throws: X509Error.malformedDER(expected: "PKCS#12 file")) {
            try PKCS12Bundle(pfx: [1, 2, 3], password: "1234")
        }
    }
}
