import Foundation
import JSONValue
import TestSupport
import Testing

/// `iotlab pki` as a learner runs it in place of certGen.sh, checked with the openssl CLI the
/// labs' own script calls: `openssl verify` accepts every certificate and `openssl pkcs12` opens
/// every `.pfx` with the labs' password. Keys are RSA 2048 (`--key-size`) to keep the suite quick;
/// the default 4096 differs only in size.
@Suite struct PKICommandTests {
    static let fast = ["--key-size", "2048"]

    /// Runs `openssl ARGUMENTS` in `folder`; the test fails with openssl's message unless it succeeds.
    @discardableResult
    static func openssl(_ arguments: [String], in folder: URL) async throws -> String {
        let result = try await ChildProcess.run("/usr/bin/openssl", arguments, workingDirectory: folder, timeoutSeconds: 30)
        try #require(result.status == 0, "openssl \(arguments.joined(separator: " ")): \(result.errors)")
        return result.output
    }

    /// `iotlab pki ARGUMENTS`, which must succeed.
    @discardableResult
    static func pki(_ lab: IoTLabProcess, _ arguments: String...) async throws -> String {
        let result = try await lab.run(["pki"] + arguments + fast)
        try #require(result.status == 0, "iotlab pki \(arguments.joined(separator: " ")): \(result.errors)")
        return result.output
    }

    @Test func everyCertificateOfTheLabsPassesOpenSSLVerifyAndEveryPFXOpensWithItsPassword() async throws {
        let lab = try IoTLabProcess()
        defer { lab.cleanUp() }
        let folder = lab.workingDirectory
        try await Self.pki(lab, "create-root-and-intermediate")
        let root = "certs/azure-iot-test-only.root.ca.cert.pem"
        let intermediate = "certs/azure-iot-test-only.intermediate.cert.pem"
        #expect(try await Self.openssl(["verify", "-CAfile", root, intermediate], in: folder) == "\(intermediate): OK\n")
        try await Self.openssl(["verify", "-CAfile", root, "-untrusted", "certs/azure-iot-test-only.chain.ca.cert.pem", intermediate], in: folder)
        try await Self.openssl(["pkey", "-in", "private/azure-iot-test-only.root.ca.key.pem", "-passin", "pass:1234", "-noout"], in: folder)
        try await Self.openssl(["pkey", "-in", "private/azure-iot-test-only.intermediate.key.pem", "-passin", "pass:1234", "-noout"], in: folder)
        try await Self.openssl(["pkcs12", "-info", "-in", "certs/azure-iot-test-only.intermediate.cert.pfx", "-passin", "pass:1234", "-nokeys"], in: folder)
        let rootText = try await Self.openssl(["x509", "-in", root, "-noout", "-text"], in: folder)
        #expect(rootText.contains("Subject: CN = Azure IoT Hub CA Cert Test Only"))
        #expect(rootText.contains("CA:TRUE") && rootText.contains("Certificate Sign"))
        #expect(rootText.contains("Public-Key: (2048 bit)"))

        try await Self.pki(lab, "create-device-certificate", "sensor-thl-2000")
        try await Self.openssl(["verify", "-CAfile", root, "certs/new-device.cert.pem"], in: folder)
        let pfx = try await Self.openssl(["pkcs12", "-info", "-in", "certs/new-device.cert.pfx", "-passin", "pass:1234", "-nokeys"], in: folder)
        #expect(pfx.contains("subject=CN = sensor-thl-2000"))
        try await Self.openssl(["pkey", "-in", "private/new-device.key.pem", "-noout"], in: folder)
        let device = try await Self.openssl(["x509", "-in", "certs/new-device.cert.pem", "-noout", "-text"], in: folder)
        #expect(device.contains("Subject: CN = sensor-thl-2000"))
        #expect(device.contains("Issuer: CN = Azure IoT Hub CA Cert Test Only"))
        #expect(device.contains("CA:FALSE") && device.contains("TLS Web Client Authentication"))

        try await Self.pki(lab, "create-device-certificate-from-intermediate", "sensor-thl-2001", "--force")
        try await Self.openssl(["verify", "-CAfile", root, "-untrusted", intermediate, "certs/new-device.cert.pem"], in: folder)
        try await Self.openssl(["verify", "-CAfile", root, "-untrusted", "certs/new-device-full-chain.cert.pem", "certs/new-device.cert.pem"], in: folder)

        try await Self.pki(lab, "create-edge-device-ca-certificate", "MyEdgeDeviceCA")
        let edge = "certs/iot-edge-device-ca-MyEdgeDeviceCA.cert.pem"
        try await Self.openssl(["verify", "-CAfile", root, "-untrusted", intermediate, edge], in: folder)
        try await Self.openssl(["verify", "-CAfile", root, "-untrusted", "certs/iot-edge-device-ca-MyEdgeDeviceCA-full-chain.cert.pem", edge], in: folder)
        try await Self.openssl(["pkcs12", "-info", "-in", "certs/iot-edge-device-ca-MyEdgeDeviceCA.cert.pfx", "-passin", "pass:", "-nokeys"], in: folder)
        try await Self.openssl(["pkey", "-in", "private/iot-edge-device-ca-MyEdgeDeviceCA.key.pem", "-noout"], in: folder)
        let edgeText = try await Self.openssl(["x509", "-in", edge, "-noout", "-text"], in: folder)
        #expect(edgeText.contains("Subject: CN = MyEdgeDeviceCA.ca") && edgeText.contains("CA:TRUE"))
    }

    @Test func theLab06ProofOfPossessionVerifiesTheRootInTheHub() async throws {
        let lab = try IoTLabProcess()
        defer { lab.cleanUp() }
        try await lab.createHub("pki-hub")
        try await Self.pki(lab, "create-root-and-intermediate")
        func az(_ arguments: String...) async throws -> JSONValue {
            let result = try await lab.run(["az", "iot", "hub", "certificate"] + arguments + ["--hub-name", "pki-hub", "--name", "root-ca-cert"])
            try #require(result.status == 0, "az iot hub certificate \(arguments.first ?? ""): \(result.errors)")
            return try JSONValue(parsing: result.output)
        }
        let uploaded = try await az("create", "--path", "certs/azure-iot-test-only.root.ca.cert.pem")
        #expect(uploaded[path: ["properties", "isVerified"]] == false)
        let coded = try await az("generate-verification-code", "--etag", uploaded["etag"]?.stringValue ?? "")
        let code = try #require(coded[path: ["properties", "verificationCode"]]?.stringValue)
        try await Self.pki(lab, "create-verification-certificate", code)
        let verified = try await az("verify", "--path", "certs/verification-code.cert.pem", "--etag", coded["etag"]?.stringValue ?? "")
        #expect(verified[path: ["properties", "isVerified"]] == true)
        #expect(verified[path: ["properties", "subject"]] == "CN=Azure IoT Hub CA Cert Test Only")
    }

    @Test func aDeviceCertificateBeforeTheRootNamesTheMissingFileAndTheCommandToRun() async throws {
        let lab = try IoTLabProcess()
        defer { lab.cleanUp() }
        let result = try await lab.run(["pki", "create-device-certificate", "sensor-thl-2000"])
        #expect(result.status == 1)
        let missing = lab.workingDirectory.standardizedFileURL.appendingPathComponent("certs/azure-iot-test-only.root.ca.cert.pem").path
        #expect(result.errors == """
            iotlab pki create-device-certificate: \(missing) is missing: run 'iotlab pki create-root-and-intermediate' first \
            (in the same folder, or pass the same --dir)

            """)
        let edge = try await lab.run(["pki", "create-edge-device-ca-certificate", "gw"])
        #expect(edge.errors.contains("certs/azure-iot-test-only.intermediate.cert.pem is missing"))
        #expect(!FileManager.default.fileExists(atPath: lab.workingDirectory.appendingPathComponent("certs").path))
    }

    @Test func existingFilesAreNeverReplacedWithoutForce() async throws {
        let lab = try IoTLabProcess()
        defer { lab.cleanUp() }
        try await Self.pki(lab, "create-root-and-intermediate")
        let rootFile = lab.workingDirectory.appendingPathComponent("certs/azure-iot-test-only.root.ca.cert.pem")
        let root = try Data(contentsOf: rootFile)
        let again = try await lab.run(["pki", "create-root-and-intermediate"] + Self.fast)
        #expect(again.status == 1)
        #expect(again.errors.contains("private/azure-iot-test-only.root.ca.key.pem, certs/azure-iot-test-only.root.ca.cert.pem,"))
        #expect(again.errors.contains("or pass --force to replace them"))
        #expect(try Data(contentsOf: rootFile) == root)

        try await Self.pki(lab, "create-device-certificate", "sensor-thl-2000")
        let second = try await lab.run(["pki", "create-device-certificate", "sensor-thl-2001"] + Self.fast)
        #expect(second.status == 1)
        #expect(second.errors.contains("rename what you want to keep (lab 06 renames new-device.cert.pfx to sensor-thl-2000-device.cert.pfx)"))
        try await Self.pki(lab, "create-device-certificate", "sensor-thl-2001", "--force")
        let device = try await Self.openssl(["x509", "-in", "certs/new-device.cert.pem", "-noout", "-subject"], in: lab.workingDirectory)
        #expect(device == "subject=CN = sensor-thl-2001\n")

        try await Self.pki(lab, "create-root-and-intermediate", "--force")
        #expect(try Data(contentsOf: rootFile) != root)
    }

    @Test func certGensUnderscoredNamesDirAndECKeysWork() async throws {
        let lab = try IoTLabProcess()
        defer { lab.cleanUp() }
        let created = try await lab.run(["pki", "create_root_and_intermediate", "--dir", "certificates", "--key-type", "ec", "--days", "60"])
        try #require(created.status == 0, "\(created.errors)")
        let folder = lab.workingDirectory.appendingPathComponent("certificates")
        let key = try await Self.openssl(["pkey", "-in", "private/azure-iot-test-only.root.ca.key.pem", "-passin", "pass:1234", "-noout", "-text"], in: folder)
        #expect(key.contains("ASN1 OID: prime256v1"))
        let days = try await Self.openssl(["x509", "-in", "certs/azure-iot-test-only.root.ca.cert.pem", "-noout", "-checkend", String(59 * 86_400)], in: folder)
        #expect(days.contains("will not expire"))
        let device = try await lab.run(["pki", "create_device_certificate", "ec-device", "--dir", "certificates", "--key-type", "ec"])
        try #require(device.status == 0, "\(device.errors)")
        try await Self.openssl(["verify", "-CAfile", "certs/azure-iot-test-only.root.ca.cert.pem", "certs/new-device.cert.pem"], in: folder)
        let wrong = try await lab.run(["pki", "create-root-and-intermediate", "--key-type", "ec", "--key-size", "2048"])
        #expect(wrong.status == 64)
        #expect(wrong.errors.contains("--key-size applies to RSA keys only; EC keys are P-256"))
    }
}
