import Foundation
import IoTSecurity
import Testing

@Suite struct SymmetricKeyTests {
    private func base64(ofByteCount count: Int) -> String {
        Data(repeating: 7, count: count).base64EncodedString()
    }

    @Test func generatedKeyIs32BytesAndRoundTripsThroughBase64() throws {
        let key = SymmetricKey.generate()
        #expect(key.bytes.count == 32)
        #expect(try SymmetricKey(base64: key.base64) == key)
    }

    @Test func generatedKeysDiffer() {
        #expect(SymmetricKey.generate() != SymmetricKey.generate())
    }

    @Test func generateClampsToTheRangeAzureAccepts() {
        #expect(SymmetricKey.generate(byteCount: 8).bytes.count == 16)
        #expect(SymmetricKey.generate(byteCount: 100).bytes.count == 64)
    }

    @Test func acceptsSixteenAndSixtyFourBytes() throws {
        #expect(try SymmetricKey(base64: base64(ofByteCount: 16)).bytes.count == 16)
        #expect(try SymmetricKey(base64: base64(ofByteCount: 64)).bytes.count == 64)
    }

    @Test func refusesFifteenBytes() {
        #expect(throws: KeyValidationError.wrongLength(byteCount: 15)) {
            try SymmetricKey(base64: base64(ofByteCount: 15))
        }
    }

    @Test func refusesSixtyFiveBytes() {
        #expect(throws: KeyValidationError.wrongLength(byteCount: 65)) {
            try SymmetricKey(base64: base64(ofByteCount: 65))
        }
    }

    @Test func refusesTextThatIsNotBase64() {
        #expect(throws: KeyValidationError.notBase64) { try SymmetricKey(base64: "not a key!") }
        #expect(throws: KeyValidationError.notBase64) { try SymmetricKey(base64: "AQID BAUG") }
    }

    @Test func emptyTextIsAZeroByteKey() {
        #expect(throws: KeyValidationError.wrongLength(byteCount: 0)) { try SymmetricKey(base64: "") }
    }

    @Test func refusesBase64WithoutPadding() {
        let unpadded = base64(ofByteCount: 16).replacingOccurrences(of: "=", with: "")
        #expect(throws: KeyValidationError.notBase64) { try SymmetricKey(base64: unpadded) }
    }

    @Test func errorTextNamesTheRule() {
        #expect(KeyValidationError.notBase64.description == "must be base64")
        #expect(KeyValidationError.wrongLength(byteCount: 15).description == "must decode to 16 to 64 bytes, was 15")
    }
}

@Suite struct DeviceKeyDerivationTests {
    @Test func derivedKeyMatchesTheDPSSampleComputation() throws {
        // base64(HMAC-SHA256(base64decode(groupKey), "reg-01")), computed with Python's hmac module.
        let group = try SymmetricKey(base64: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        let derived = DeviceKeyDerivation.deviceKey(groupKey: group, registrationID: "reg-01")
        #expect(derived.base64 == "loIcOklwYeGOA435V7aqfiADrvH7eV6ntyrboHz4F4E=")
    }

    @Test func differentRegistrationsGetDifferentKeys() throws {
        let group = try SymmetricKey(base64: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        #expect(DeviceKeyDerivation.deviceKey(groupKey: group, registrationID: "a")
            != DeviceKeyDerivation.deviceKey(groupKey: group, registrationID: "b"))
    }
}
