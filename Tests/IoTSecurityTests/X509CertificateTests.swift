import Foundation
import IoTSecurity
import Testing

/// A key and self-signed certificate made with the openssl CLI (`openssl ecparam -genkey` then
/// `openssl req -x509 -subj /CN=sensor-thl-2000 -days 36500`), so parsing is checked against
/// what the labs' tools produce; the thumbprint is `openssl x509 -fingerprint -sha1`'s.
enum OpenSSLFixture {
    static let key = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIJEtRYXCW5jok0HPTEdXKfRVV1xWZVd+S1sewI5vUSkMoAoGCCqGSM49
        AwEHoUQDQgAEqKUagMOhCAzA8EkWo5gxNRT9xgiR1ueAcYodUdMsgF2HtFSfQ5jZ
        lFn6ij8t39Wrl2z/7pOxkR1xSYvcNrvtuQ==
        -----END EC PRIVATE KEY-----
        """
    /// `key` encrypted by `openssl pkey -aes256 -passout pass:1234` (PKCS#8).
    static let encryptedKey = """
        -----BEGIN ENCRYPTED PRIVATE KEY-----
        MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAg6Dq2CzQg3xwICCAAw
        DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEAevQ7GPA42MpSFiyxjKx4QEgZAv
        u8dqPPJp7dIEa1eXJbB6zuOlYe10vPfscWpezH+MiJfzgORLrsp/jBtQ4N1DuWsw
        i7hdmPvlk1EO/+CGXyoMKhGo0MMp/zyGoxywtmXIzRH0nPnqVCA9B2PXb97dd1y+
        mkmC2jUOpwo8NvZ9wBGqZ2MmKQ1hPKB0Io8CN4reHuNWmJuGq7MbY3FhQsiKf94=
        -----END ENCRYPTED PRIVATE KEY-----
        """
    /// `key` encrypted by `openssl ec -aes256 -passout pass:1234` (traditional, with headers).
    static let legacyEncryptedKey = """
        -----BEGIN EC PRIVATE KEY-----
        Proc-Type: 4,ENCRYPTED
        DEK-Info: AES-256-CBC,E46E999DBF848F40B397817ECDC5D3FD

        AzaOcIkDR8FarEc6DBcve9OsYwGYYiSiMzLizAJsrZy6T0OSTf6stb5stfkrh8vH
        9VIeWr2BoZqVhOptjMTbBwneNbXpkVLzYOvQyS77lvWn1IjX8gCsbtUFMJmX5xU7
        97+w8dfVPLFyIg9f6O1rVlbZdFROuUULOvMQH0NsPng=
        -----END EC PRIVATE KEY-----
        """
    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBeTCCAR+gAwIBAgICEjQwCgYIKoZIzj0EAwIwGjEYMBYGA1UEAwwPc2Vuc29y
        LXRobC0yMDAwMCAXDTI2MTEyNzE5NTUwNFoYDzIxMjYxMTAzMTk1NTA0WjAaMRgw
        FgYDVQQDDA9zZW5zb3ItdGhsLTIwMDAwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
        AASopRqAw6EIDMDwSRajmDE1FP3GCJHW54Bxih1R0yyAXYe0VJ9DmNmUWfqKPy3f
        1auXbP/uk7GRHXFJi9w2u+25o1MwUTAdBgNVHQ4EFgQUbU+tRtXZZXyRCxwSzOY5
        fTDUlrkwHwYDVR0jBBgwFoAUbU+tRtXZZXyRCxwSzOY5fTDUlrkwDwYDVR0TAQH/
        BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBux7oWY6shzNHAkFoADTES4UTiw6cq
        lxQBctk1QgmGOAIhAMCpg4pLX2zz2Bv00Dk4D6S+z+iPJ+WQAddcKfe4Ebfu
        -----END CERTIFICATE-----
        """
}

@Suite struct X509CertificateParsingTests {
    @Test func certificateFromTheOpenSSLCLIReadsItsFieldsAndThumbprint() throws {
        let certificate = try X509Certificate(pem: OpenSSLFixture.certificate)
        #expect(certificate.subjectCommonName == "sensor-thl-2000")
        #expect(certificate.issuerCommonName == "sensor-thl-2000")
        #expect(certificate.sha1Thumbprint == "CA4C4EDFE04C5051AF15DD5F1DD07BCAE1A1EBF3")
        #expect(certificate.sha1Thumbprint == (try X509Thumbprint.normalized(
            "CA:4C:4E:DF:E0:4C:50:51:AF:15:DD:5F:1D:D0:7B:CA:E1:A1:EB:F3")))
        #expect(certificate.notBefore == Date(timeIntervalSince1970: 1_795_809_304))
        #expect(certificate.notAfter == Date(timeIntervalSince1970: 4_949_409_304))
        #expect(certificate.isCertificateAuthority)
        #expect(certificate.isSelfSigned)
    }

    @Test func pemRoundTripsAndDERIsPreserved() throws {
        let certificate = try X509Certificate(pem: OpenSSLFixture.certificate)
        #expect(try X509Certificate(pem: certificate.pem) == certificate)
        #expect(try X509Certificate(der: certificate.der) == certificate)
    }

    @Test func chainFileYieldsEveryCertificateInOrder() throws {
        let authority = try TestAuthority()
        let chain = authority.intermediate.pem + "Bag Attributes: ignored\n" + authority.root.pem
        #expect(try X509Certificate.all(inPEM: chain) == [authority.intermediate, authority.root])
    }

    @Test func traditionalECKeyIsReadAndKeptAsPKCS8() throws {
        let key = try PrivateKey(pem: OpenSSLFixture.key)
        #expect(key.pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(try PrivateKey(pem: key.pem) == key)
    }

    @Test func encryptedKeysFromTheCLIOpenWithCertGensPassword() throws {
        let plain = try PrivateKey(pem: OpenSSLFixture.key)
        #expect(try PrivateKey(pem: OpenSSLFixture.encryptedKey, passphrase: "1234") == plain)
        #expect(try PrivateKey(pem: OpenSSLFixture.legacyEncryptedKey, passphrase: "1234") == plain)
    }

    @Test func encryptedKeyWithTheWrongPassphraseIsRefused() {
        #expect(throws: X509Error.wrongPassword) {
            try PrivateKey(pem: OpenSSLFixture.encryptedKey, passphrase: "4321")
        }
    }

    @Test func keyEncryptedHereOpensOnlyWithItsPassphrase() throws {
        let key = try PrivateKey(pem: OpenSSLFixture.key)
        let encrypted = try key.pem(passphrase: "1234")
        #expect(encrypted.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        #expect(try PrivateKey(pem: encrypted, passphrase: "1234") == key)
        #expect(throws: X509Error.encryptedKey) { try PrivateKey(pem: encrypted) }
    }

    @Test func encryptedKeyWithoutAPassphraseIsRefused() {
        let encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"
        #expect(throws: X509Error.encryptedKey) { try PrivateKey(pem: encrypted) }
    }

    @Test func textWithoutACertificateIsRefused() {
        #expect(throws: X509Error.noPEMBlock(expected: "CERTIFICATE")) {
            try X509Certificate(pem: OpenSSLFixture.key)
        }
    }

    @Test func badBase64InABlockIsRefused() {
        #expect(throws: X509Error.malformedPEM(label: "CERTIFICATE")) {
            try X509Certificate(pem: "-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n")
        }
    }

    @Test func bytesThatAreNotACertificateAreRefused() {
        #expect(throws: X509Error.malformedDER(expected: "X.509 certificate")) {
            try X509Certificate(der: [0x30, 0x03, 0x02, 0x01, 0x01])
        }
    }
}
