import Foundation
import IoTSecurity
import JSONValue
import LocalCloud
import Testing

/// The proof-of-possession flow a learner runs with certGen.sh's certificates, then a CA-signed
/// device connecting through the verified CA.
@Suite struct HubCertificateCommandTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600)  // the harness clock: 2026-01-01

    private func authority(_ name: String) throws -> (X509Certificate, PrivateKey) {
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try X509Certificate.selfSigned(
            commonName: name, key: key, usage: .certificateAuthority, notBefore: start - 86400, notAfter: start + 30 * 86400)
        return (certificate, key)
    }

    private func leaf(_ commonName: String, signedBy issuer: (X509Certificate, PrivateKey)) throws -> X509Certificate {
        try X509Certificate.issued(
            commonName: commonName, subjectKey: try PrivateKey.generate(.ecP256), issuer: issuer.0, issuerKey: issuer.1,
            usage: .endEntity(dnsNames: []), notBefore: start - 3600, notAfter: start + 86400)
    }

    @Test func uploadGenerateCodeAndVerifyWithAProofSignedByTheCA() async throws {
        let az = try await ConsoleHarness.withHub()
        let root = try authority("Azure IoT Hub CA Cert Test Only")
        try az.write(root.0.pem, to: "root.pem")

        let created = try JSONValue(parsing: try await az.output("iot hub certificate create --hub-name hub1 -n root-ca-cert -p root.pem"))
        #expect(created["type"] == "Microsoft.Devices/IotHubs/Certificates")
        #expect(created[path: ["properties", "isVerified"]] == false)
        #expect(created[path: ["properties", "subject"]] == "CN=Azure IoT Hub CA Cert Test Only")
        #expect(created[path: ["properties", "thumbprint"]]?.stringValue == root.0.sha1Thumbprint.uppercased())
        let etag = try #require(created["etag"]?.stringValue)

        let stale = await az.run("iot hub certificate generate-verification-code --hub-name hub1 -n root-ca-cert -e nope")
        #expect(stale.exitCode != 0)
        #expect(stale.standardError.contains("PreconditionFailed"))

        let coded = try JSONValue(parsing: try await az.output("iot hub certificate generate-verification-code --hub-name hub1 -n root-ca-cert -e \(etag)"))
        let code = try #require(coded[path: ["properties", "verificationCode"]]?.stringValue)
        #expect(code.count == 40)
        let codedETag = try #require(coded["etag"]?.stringValue)

        // A proof signed by another CA, or with the wrong CN, leaves the certificate unverified.
        try az.write(try leaf(code, signedBy: try authority("someone else")).pem, to: "forged.pem")
        let forged = await az.run("iot hub certificate verify --hub-name hub1 -n root-ca-cert -e \(codedETag) -p forged.pem")
        #expect(forged.standardError.contains("must be signed by the private key of certificate 'root-ca-cert'"))
        try az.write(try leaf("not-the-code", signedBy: root).pem, to: "wrong-cn.pem")
        let wrongName = await az.run("iot hub certificate verify --hub-name hub1 -n root-ca-cert -e \(codedETag) -p wrong-cn.pem")
        #expect(wrongName.standardError.contains("CN must be the verification code"))

        try az.write(try leaf(code, signedBy: root).pem, to: "verification-code.cert.pem")
        let verified = try JSONValue(parsing: try await az.output(
            "iot hub certificate verify --hub-name hub1 -n root-ca-cert -e \(codedETag) -p verification-code.cert.pem"))
        #expect(verified[path: ["properties", "isVerified"]] == true)
        #expect(try await az.output("iot hub certificate list --hub-name hub1 --query value[].name -o tsv") == "root-ca-cert\n")
    }

    @Test func aCASignedDeviceConnectsOnlyThroughAVerifiedCA() async throws {
        let az = try await ConsoleHarness.withHub()
        let root = try authority("lab root")
        try az.write(root.0.pem, to: "root.pem")
        _ = try await az.output("iot hub device-identity create -n hub1 -d sensor-thl-2000 --am x509_ca -o none")
        let device = try leaf("sensor-thl-2000", signedBy: root)
        let credentials = DeviceCredentials(hostName: "hub1.azure-devices.net", deviceId: "sensor-thl-2000", clientCertificate: device.der)
        let now = Date()

        await #expect(throws: AuthenticationFailure.self) { try await az.cloud.authenticateDevice(credentials, at: now) }
        _ = try await az.output("iot hub certificate create --hub-name hub1 -n root-ca-cert -p root.pem -o none")
        await #expect(throws: AuthenticationFailure.self) { try await az.cloud.authenticateDevice(credentials, at: now) }

        let shown = try JSONValue(parsing: try await az.output("iot hub certificate show --hub-name hub1 -n root-ca-cert"))
        _ = try await az.output("iot hub certificate update --hub-name hub1 -n root-ca-cert -p root.pem -e \(shown["etag"]?.stringValue ?? "") --verified -o none")
        let accepted = try await az.cloud.authenticateDevice(credentials, at: now)
        #expect(accepted.sender.authentication == .x509)

        let impostor = DeviceCredentials(
            hostName: "hub1.azure-devices.net", deviceId: "sensor-thl-2000", clientCertificate: try leaf("sensor-thl-2001", signedBy: root).der)
        await #expect(throws: AuthenticationFailure.self) { try await az.cloud.authenticateDevice(impostor, at: now) }
        #expect(try await az.output("iot hub certificate delete --hub-name hub1 -n root-ca-cert -e '*'") == "")
        await #expect(throws: AuthenticationFailure.self) { try await az.cloud.authenticateDevice(credentials, at: now) }
    }
}
