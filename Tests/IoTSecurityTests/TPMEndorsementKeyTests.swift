import Testing
@testable import IoTSecurity

@Suite struct TPMEndorsementKeyTests {
    @Test func onlyTheEndorsementKeyOpensTheChallenge() throws {
        let endorsement = try PrivateKey.generate(.rsa(bits: 2048))
        let secret = SymmetricKey.generate().bytes
        let challenge = try TPMEndorsementKey.encrypt(secret, toPublicKey: TPMEndorsementKey.publicKey(of: endorsement))
        #expect(challenge.count == 256)
        #expect(try TPMEndorsementKey.decrypt(challenge, with: endorsement) == secret)
        let other = try PrivateKey.generate(.rsa(bits: 2048))
        #expect(throws: X509Error.self) { try TPMEndorsementKey.decrypt(challenge, with: other) }
    }

    @Test func anECKeyIsNotAnEndorsementKey() throws {
        let ec = try PrivateKey.generate(.ecP256)
        #expect(throws: X509Error.malformedDER(expected: "RSA public endorsement key (SubjectPublicKeyInfo)")) {
            try TPMEndorsementKey.encrypt([1, 2, 3], toPublicKey: TPMEndorsementKey.publicKey(of: ec))
        }
        #expect(throws: X509Error.malformedDER(expected: "RSA public endorsement key (SubjectPublicKeyInfo)")) {
            try TPMEndorsementKey.encrypt([1], toPublicKey: [0, 1, 2])
        }
    }
}
