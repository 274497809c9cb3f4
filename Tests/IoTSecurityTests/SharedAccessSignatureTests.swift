import Foundation
import IoTSecurity
import Testing

/// Tokens below were built by hand with Python's `hmac`, `quote` and `quote_plus`, exactly as the
/// reference (azure-iot-wire-protocols.md §3) says each SDK builds them.
@Suite struct SharedAccessSignatureTests {
    private let key: SymmetricKey
    private let expiry = Date(timeIntervalSince1970: 1_767_229_200)

    init() throws {
        key = try SymmetricKey(base64: "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")
    }

    private let deviceToken =
        "SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fsensor-th-0001"
        + "&sig=0ouHkgoSb1kxI5V8Ne%2Bm%2FWUn%2BofjFyM%2FDCDTXrFAw9I%3D&se=1767229200"

    @Test func deviceTokenParsesToDecodedFields() throws {
        let sas = try SharedAccessSignature(parsing: deviceToken)
        #expect(sas.resourceURI == "myhub.azure-devices.net/devices/sensor-th-0001")
        #expect(sas.signature == "0ouHkgoSb1kxI5V8Ne+m/WUn+ofjFyM/DCDTXrFAw9I=")
        #expect(sas.expiry == expiry)
        #expect(sas.policyName == nil)
        #expect(sas.isSigned(with: key))
    }

    @Test func builtTokenIsTheOneTheDeviceSDKSends() {
        let token = SharedAccessSignature.token(
            resourceURI: "myhub.azure-devices.net/devices/sensor-th-0001", key: key, policyName: nil, expiry: expiry)
        #expect(token == deviceToken)
    }

    @Test func builtTokenWithPolicyNameParsesBackAndValidates() throws {
        let token = SharedAccessSignature.token(
            resourceURI: "myhub.azure-devices.net", key: key, policyName: "iothubowner",
            expiry: expiry.addingTimeInterval(0.9))
        let sas = try SharedAccessSignature(parsing: token)
        #expect(sas.policyName == "iothubowner")
        #expect(sas.expiry == expiry)
        #expect(sas.isSigned(with: key))
    }

    @Test func serviceRESTTokenWithQuotePlusResourceAndUnescapedSlashValidates() throws {
        let sas = try SharedAccessSignature(parsing:
            "SharedAccessSignature sr=localhost%3A8443&sig=rvYqvBl%2BDljsbIeu/qXKt3ZPKoOX07cLYHDUGX8lDak%3D"
            + "&se=1767229207&skn=iothubowner")
        #expect(sas.resourceURI == "localhost:8443")
        #expect(sas.policyName == "iothubowner")
        #expect(sas.isSigned(with: key))
    }

    @Test func amqpTokenWithRawHostnameValidates() throws {
        let sas = try SharedAccessSignature(parsing:
            "SharedAccessSignature sr=localhost:8443&sig=ZOMqgcTR1w%2BkY3S8ONzCFALX67MIZDJKqLd1M3IYfos%3D"
            + "&se=1767229200&skn=service")
        #expect(sas.resourceURI == "localhost:8443")
        #expect(sas.isSigned(with: key))
    }

    @Test func tokenSignedOverLowercasedResourceValidatesInAnyFieldOrder() throws {
        let sas = try SharedAccessSignature(parsing:
            "SharedAccessSignature se=1767229200&sig=VQxIPURkb%2F77GYrlPcCyyKO1GW42LhKUBV3Vn5oWJjA%3D"
            + "&sr=MyHub.azure-devices.net%2Fdevices%2FDev1")
        #expect(sas.resourceURI == "MyHub.azure-devices.net/devices/Dev1")
        #expect(sas.isSigned(with: key))
    }

    @Test func dpsRegistrationTokenValidates() throws {
        let sas = try SharedAccessSignature(parsing:
            "SharedAccessSignature sr=myscope%2Fregistrations%2Freg-01"
            + "&sig=oWm19lvcY2LAht2fksw9P66OUJIbAl39rpVmeaWdaMU%3D&se=1767229200")
        #expect(sas.resourceURI == "myscope/registrations/reg-01")
        #expect(sas.isSigned(with: key))
    }

    @Test func tamperedSignatureFails() throws {
        let tampered = deviceToken.replacingOccurrences(of: "sig=0ouH", with: "sig=1ouH")
        #expect(try !SharedAccessSignature(parsing: tampered).isSigned(with: key))
    }

    @Test func tamperedResourceFails() throws {
        let tampered = deviceToken.replacingOccurrences(of: "sensor-th-0001", with: "sensor-th-0002")
        #expect(try !SharedAccessSignature(parsing: tampered).isSigned(with: key))
    }

    @Test func tamperedExpiryFails() throws {
        let tampered = deviceToken.replacingOccurrences(of: "se=1767229200", with: "se=1767229999")
        #expect(try !SharedAccessSignature(parsing: tampered).isSigned(with: key))
    }

    @Test func otherKeyFails() throws {
        #expect(try !SharedAccessSignature(parsing: deviceToken).isSigned(with: SymmetricKey.generate()))
    }

    @Test func tokenIsExpiredFromItsExpirySecondOn() throws {
        let sas = try SharedAccessSignature(parsing: deviceToken)
        #expect(!sas.isExpired(at: expiry.addingTimeInterval(-1)))
        #expect(sas.isExpired(at: expiry))
        #expect(sas.isExpired(at: expiry.addingTimeInterval(3600)))
    }

    @Test func deviceTokenGrantsItsDeviceAndModulesOnly() throws {
        let sas = try SharedAccessSignature(parsing: deviceToken)
        #expect(sas.grantsAccess(to: "myhub.azure-devices.net/devices/sensor-th-0001"))
        #expect(sas.grantsAccess(to: "MyHub.azure-devices.net/devices/Sensor-TH-0001/"))
        #expect(sas.grantsAccess(to: "myhub.azure-devices.net/devices/sensor-th-0001/modules/m1"))
        #expect(!sas.grantsAccess(to: "myhub.azure-devices.net/devices/sensor-th-00010"))
        #expect(!sas.grantsAccess(to: "myhub.azure-devices.net/devices"))
        #expect(!sas.grantsAccess(to: "otherhub.azure-devices.net/devices/sensor-th-0001"))
    }

    @Test func hubTokenGrantsEveryResourceOnTheHub() {
        let token = SharedAccessSignature.token(
            resourceURI: "myhub.azure-devices.net", key: key, policyName: "iothubowner", expiry: expiry)
        let sas = try? SharedAccessSignature(parsing: token)
        #expect(sas?.grantsAccess(to: "myhub.azure-devices.net/devices/d1") == true)
    }

    @Test func missingSchemeIsRefused() {
        #expect(throws: SASTokenError.missingScheme) {
            try SharedAccessSignature(parsing: "sr=a&sig=b&se=1")
        }
    }

    @Test func eachRequiredFieldIsNamedWhenMissing() {
        #expect(throws: SASTokenError.missingField(name: "sr")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sig=b&se=1")
        }
        #expect(throws: SASTokenError.missingField(name: "sig")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&se=1")
        }
        #expect(throws: SASTokenError.missingField(name: "se")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig=b")
        }
    }

    @Test func emptyFieldIsRefused() {
        #expect(throws: SASTokenError.emptyField(name: "sig")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig=&se=1")
        }
        #expect(throws: SASTokenError.emptyField(name: "skn")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig=b&se=1&skn=")
        }
    }

    @Test func partWithoutEqualsIsReportedAtItsColumn() {
        #expect(throws: SASTokenError.malformedField(text: "sig", column: 28)) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig&se=1")
        }
    }

    @Test func columnsCountSurroundingWhitespace() {
        #expect(throws: SASTokenError.malformedField(text: "sig", column: 30)) {
            try SharedAccessSignature(parsing: "  SharedAccessSignature sr=a&sig&se=1\n")
        }
    }

    @Test func duplicateFieldIsRefused() {
        #expect(throws: SASTokenError.duplicateField(name: "se")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig=b&se=1&se=2")
        }
    }

    @Test func nonNumericExpiryIsRefused() {
        #expect(throws: SASTokenError.invalidExpiry(value: "soon")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig=b&se=soon")
        }
        #expect(throws: SASTokenError.invalidExpiry(value: "-5")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig=b&se=-5")
        }
        #expect(throws: SASTokenError.invalidExpiry(value: "99999999999999999999999")) {
            try SharedAccessSignature(parsing: "SharedAccessSignature sr=a&sig=b&se=99999999999999999999999")
        }
    }

    @Test func unknownFieldsAndTrailingAmpersandAreIgnored() throws {
        let sas = try SharedAccessSignature(parsing: deviceToken + "&foo=bar&")
        #expect(sas.isSigned(with: key))
    }

    @Test func errorTextNamesTheFieldAndRule() {
        #expect(SASTokenError.missingField(name: "sig").description == "SAS token must have a sig field")
        #expect(SASTokenError.invalidExpiry(value: "x").description
            == "SAS token field se must be whole seconds since 1970-01-01T00:00:00Z, was \"x\"")
    }
}
