import Foundation
import IoTSecurity
import JSONValue
import Testing

/// `az iot dps ...` as the official lab setup scripts and lab text run it.
@Suite struct DpsCommandTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600)  // the harness clock: 2026-01-01

    /// Resource group `rg`, hub `hub1` and DPS `dps1` linked to it, as the lab 05/06 setup scripts leave them.
    static func withLinkedDPS() async throws -> ConsoleHarness {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot dps create --name dps1 -g rg --sku S1 -o none")
        let connection = try await az.output("iot hub connection-string show --hub-name hub1 --query connectionString -o tsv")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await az.output("iot dps linked-hub create --dps-name dps1 -g rg --connection-string \"\(connection)\" --location westus -o none")
        return az
    }

    @Test func theLabSetupScriptFormsRunUnchanged() async throws {
        let az = try await Self.withLinkedDPS()
        let scope = try await az.output("iot dps show --name dps1 --query properties.idScope -o tsv").trimmingCharacters(in: .newlines)
        #expect(scope.hasPrefix("0ne") && scope.count == 11)
        #expect(scope.dropFirst(3).allSatisfy { $0.isHexDigit && !$0.isLowercase })
        #expect(try await az.output("iot dps list --resource-group rg --query [].name -o tsv") == "dps1\n")
        #expect(try await az.output("iot dps linked-hub list --dps-name dps1 --resource-group rg --query [].name -o tsv") == "hub1.azure-devices.net\n")
        let shown = try JSONValue(parsing: try await az.output("iot dps show --name dps1"))
        #expect(shown["type"] == "Microsoft.Devices/provisioningServices")
        #expect(shown[path: ["properties", "deviceProvisioningHostName"]] == "global.azure-devices-provisioning.net")
        #expect(shown[path: ["properties", "serviceOperationsHostName"]] == "dps1.azure-devices-provisioning.net")
        #expect(shown[path: ["properties", "allocationPolicy"]] == "Hashed")
        let connection = try await az.output("iot dps connection-string show -n dps1 --query connectionString -o tsv")
        #expect(connection.hasPrefix("HostName=dps1.azure-devices-provisioning.net;SharedAccessKeyName=provisioningserviceowner;SharedAccessKey="))
        #expect(try await az.output("iot dps policy list --dps-name dps1 --query [].keyName -o tsv") == "provisioningserviceowner\n")
    }

    @Test func updateDeleteAndUnknownNames() async throws {
        let az = try await Self.withLinkedDPS()
        let updated = try JSONValue(parsing: try await az.output("iot dps update -n dps1 -g rg --set properties.allocationPolicy=GeoLatency"))
        #expect(updated[path: ["properties", "allocationPolicy"]] == "GeoLatency")
        let linked = try JSONValue(parsing: try await az.output(
            "iot dps linked-hub update --dps-name dps1 -g rg --linked-hub hub1.azure-devices.net --allocation-weight 5 --apply-allocation-policy true"))
        #expect(linked["allocationWeight"] == 5)
        let missing = await az.run("iot dps show -n nope")
        #expect(missing.exitCode != 0)
        #expect(missing.standardError.contains("nope"))
        _ = try await az.output("iot dps linked-hub delete --dps-name dps1 -g rg --linked-hub hub1.azure-devices.net")
        #expect(try await az.output("iot dps linked-hub list --dps-name dps1 -o tsv") == "")
        _ = try await az.output("iot dps delete -n dps1 -g rg")
        #expect(try await az.output("iot dps list -o tsv") == "")
    }

    @Test func symmetricKeyEnrollmentsAreCreatedShownUpdatedAndDeleted() async throws {
        let az = try await Self.withLinkedDPS()
        try az.write(#"{"telemetryDelay": "2"}"#, to: "desired.json")
        let created = try JSONValue(parsing: try await az.output(
            "iot dps enrollment create --dps-name dps1 -g rg --enrollment-id sensor-thl-1000 --attestation-type symmetrickey "
                + "--initial-twin-properties desired.json --reprovision-policy reprovisionandmigratedata --allocation-policy hashed"))
        #expect(created["registrationId"] == "sensor-thl-1000")
        #expect(created[path: ["attestation", "type"]] == "symmetricKey")
        #expect(created[path: ["attestation", "symmetricKey", "primaryKey"]]?.stringValue?.isEmpty == false)
        #expect(created[path: ["initialTwin", "properties", "desired", "telemetryDelay"]] == "2")
        #expect(created[path: ["reprovisionPolicy", "migrateDeviceData"]] == true)
        #expect(created["provisioningStatus"] == "enabled")

        // Keys are hidden unless asked for, as az does.
        let hidden = try JSONValue(parsing: try await az.output("iot dps enrollment show --dps-name dps1 --enrollment-id sensor-thl-1000"))
        #expect(hidden[path: ["attestation", "symmetricKey", "primaryKey"]] == .null)
        let key = try await az.output("iot dps enrollment show -n dps1 --eid sensor-thl-1000 --show-keys --query attestation.symmetricKey.primaryKey -o tsv")
        #expect(key.trimmingCharacters(in: .newlines) == created[path: ["attestation", "symmetricKey", "primaryKey"]]?.stringValue)

        let etag = try #require(created["etag"]?.stringValue)
        let stale = await az.run("iot dps enrollment update -n dps1 --eid sensor-thl-1000 --provisioning-status disabled --etag nope")
        #expect(stale.exitCode != 0)
        #expect(stale.standardError.contains("PreconditionFailed"))
        let disabled = try JSONValue(parsing: try await az.output(
            "iot dps enrollment update -n dps1 --eid sensor-thl-1000 --provisioning-status disabled --etag \(etag)"))
        #expect(disabled["provisioningStatus"] == "disabled")
        #expect(disabled[path: ["attestation", "symmetricKey", "primaryKey"]] == created[path: ["attestation", "symmetricKey", "primaryKey"]])

        #expect(try await az.output("iot dps enrollment list -n dps1 --query [].registrationId -o tsv") == "sensor-thl-1000\n")
        _ = try await az.output("iot dps enrollment delete -n dps1 --eid sensor-thl-1000")
        let gone = await az.run("iot dps enrollment show -n dps1 --eid sensor-thl-1000")
        #expect(gone.exitCode != 0)
        #expect(gone.standardError.contains("sensor-thl-1000"))
    }

    @Test func attestationNeedsItsMaterial() async throws {
        let az = try await Self.withLinkedDPS()
        let noCertificate = await az.run("iot dps enrollment create -n dps1 --eid d1 --attestation-type x509")
        #expect(noCertificate.exitCode != 0)
        #expect(noCertificate.standardError.contains("--certificate-path"))
        let noKey = await az.run("iot dps enrollment create -n dps1 --eid d1 --attestation-type tpm")
        #expect(noKey.standardError.contains("--endorsement-key"))
        let badKey = await az.run("iot dps enrollment create -n dps1 --eid d1 --attestation-type symmetricKey --primary-key short")
        #expect(badKey.exitCode != 0)
        #expect(badKey.standardError.contains("primaryKey"))
    }

    @Test func anX509EnrollmentHoldsTheDeviceCertificate() async throws {
        let az = try await Self.withLinkedDPS()
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try X509Certificate.selfSigned(
            commonName: "sensor-thl-2004", key: key, usage: .endEntity(dnsNames: []), notBefore: start - 3600, notAfter: start + 86400)
        try az.write(certificate.pem, to: "sensor-thl-2004-device.cert.pem")
        let created = try JSONValue(parsing: try await az.output(
            "iot dps enrollment create -n dps1 --eid sensor-thl-2004 --device-id sensor-thl-2004 --at x509 --cp sensor-thl-2004-device.cert.pem --ps disabled"))
        #expect(created[path: ["attestation", "x509", "clientCertificates", "primary", "info", "subjectName"]] == "CN=sensor-thl-2004")
        #expect(created["provisioningStatus"] == "disabled")
    }

    @Test func groupsDeriveDeviceKeysAndTrustOnlyVerifiedCAs() async throws {
        let az = try await Self.withLinkedDPS()
        let groupKey = SymmetricKey.generate().base64
        _ = try await az.output("iot dps enrollment-group create -n dps1 -g rg --enrollment-id contoso --primary-key \(groupKey) -o none")
        let expected = DeviceKeyDerivation.deviceKey(groupKey: try SymmetricKey(base64: groupKey), registrationID: "sensor-1").base64
        #expect(try await az.output("iot dps enrollment-group compute-device-key -n dps1 --eid contoso --registration-id sensor-1 -o tsv") == expected + "\n")
        #expect(try await az.output("iot dps enrollment-group compute-device-key --key \(groupKey) --rid sensor-1 -o tsv") == expected + "\n")
        #expect(try await az.output("iot dps compute-device-key --key \(groupKey) --registration-id sensor-1 -o tsv") == expected + "\n")

        // Lab 06: upload the root, prove possession, then the group can name it.
        let rootKey = try PrivateKey.generate(.ecP256)
        let root = try X509Certificate.selfSigned(
            commonName: "Azure IoT Hub CA Cert Test Only", key: rootKey, usage: .certificateAuthority, notBefore: start - 86400, notAfter: start + 30 * 86400)
        try az.write(root.pem, to: "azure-iot-test-only.root.ca.cert.pem")
        let uploaded = try JSONValue(parsing: try await az.output(
            "iot dps certificate create --dps-name dps1 -g rg --name root-ca-cert --path azure-iot-test-only.root.ca.cert.pem"))
        #expect(uploaded["type"] == "Microsoft.Devices/provisioningServices/Certificates")
        #expect(uploaded[path: ["properties", "isVerified"]] == false)
        let coded = try JSONValue(parsing: try await az.output(
            "iot dps certificate generate-verification-code --dps-name dps1 -g rg --certificate-name root-ca-cert --etag \(try #require(uploaded["etag"]?.stringValue))"))
        let code = try #require(coded[path: ["properties", "verificationCode"]]?.stringValue)
        let proof = try X509Certificate.issued(
            commonName: code, subjectKey: try PrivateKey.generate(.ecP256), issuer: root, issuerKey: rootKey, usage: .endEntity(dnsNames: []),
            notBefore: start - 3600, notAfter: start + 86400)
        try az.write(proof.pem, to: "verification-code.cert.pem")
        let verified = try JSONValue(parsing: try await az.output(
            "iot dps certificate verify --dps-name dps1 -g rg -n root-ca-cert -p verification-code.cert.pem -e \(try #require(coded["etag"]?.stringValue))"))
        #expect(verified[path: ["properties", "isVerified"]] == true)
        #expect(try await az.output("iot dps certificate list --dps-name dps1 --query value[].name -o tsv") == "root-ca-cert\n")

        let group = try JSONValue(parsing: try await az.output(
            "iot dps enrollment-group create -n dps1 --eid eg-test-simulated-devices --ca-name root-ca-cert --initial-twin-properties '{\"telemetryDelay\":\"1\"}'"))
        #expect(group[path: ["attestation", "x509", "caReferences", "primary"]] == "root-ca-cert")
        let groups = try await az.output("iot dps enrollment-group list -n dps1 --query [].enrollmentGroupId -o tsv")
        #expect(groups == "contoso\neg-test-simulated-devices\n")
        let disabled = try JSONValue(parsing: try await az.output(
            "iot dps enrollment-group update -n dps1 --eid eg-test-simulated-devices --provisioning-status disabled"))
        #expect(disabled["provisioningStatus"] == "disabled")
        #expect(try await az.output("iot dps registration list -n dps1 --eid eg-test-simulated-devices -o tsv") == "")
        _ = try await az.output("iot dps enrollment-group delete -n dps1 --eid eg-test-simulated-devices")
        let unknown = await az.run("iot dps registration show -n dps1 --rid sensor-thl-2000")
        #expect(unknown.exitCode != 0)
        #expect(unknown.standardError.contains("sensor-thl-2000"))
    }

    @Test func aGroupCanCarryItsIntermediateCertificateInstead() async throws {
        let az = try await Self.withLinkedDPS()
        let key = try PrivateKey.generate(.ecP256)
        let intermediate = try X509Certificate.selfSigned(
            commonName: "Azure IoT Hub Intermediate Cert Test Only", key: key, usage: .certificateAuthority, notBefore: start - 86400,
            notAfter: start + 30 * 86400)
        try az.write(intermediate.pem, to: "intermediate.pem")
        let group = try JSONValue(parsing: try await az.output("iot dps enrollment-group create -n dps1 --eid lab17 --cp intermediate.pem"))
        #expect(group[path: ["attestation", "type"]] == "x509")
        #expect(
            group[path: ["attestation", "x509", "signingCertificates", "primary", "info", "subjectName"]]
                == "CN=Azure IoT Hub Intermediate Cert Test Only")
        let missing = await az.run("iot dps enrollment-group create -n dps1 --eid lab18 --cp nowhere.pem")
        #expect(missing.standardError.contains("No such file or directory: 'nowhere.pem'"))
    }

    @Test func dataPlaneCommandsAcceptADPSConnectionString() async throws {
        let az = try await Self.withLinkedDPS()
        let login = try await az.output("iot dps connection-string show -n dps1 --query connectionString -o tsv").trimmingCharacters(in: .newlines)
        _ = try await az.output("iot dps enrollment create --login \"\(login)\" --eid via-login --at symmetricKey -o none")
        #expect(try await az.output("iot dps enrollment list --login \"\(login)\" --query [].registrationId -o tsv") == "via-login\n")
        let neither = await az.run("iot dps enrollment list")
        #expect(neither.exitCode != 0)
        #expect(neither.standardError.contains("--dps-name"))
    }
}

/// Policies and the registration records devices leave behind.
@Suite struct DpsPolicyAndRegistrationCommandTests {
    @Test func policiesAreCreatedUpdatedAndDeletedWithDPSRights() async throws {
        let az = try await DpsCommandTests.withLinkedDPS()
        let created = try JSONValue(parsing: try await az.output("iot dps policy create --dps-name dps1 -g rg --pn enrollments --rights EnrollmentRead enrollmentwrite"))
        #expect(created["keyName"] == "enrollments")
        #expect(created["rights"] == "EnrollmentRead, EnrollmentWrite")
        let foreign = await az.run("iot dps policy create --dps-name dps1 --pn bad --rights RegistryRead")
        #expect(foreign.exitCode != 0)
        #expect(foreign.standardError.contains("invalid choice: 'RegistryRead'"))
        let updated = try JSONValue(parsing: try await az.output("iot dps policy update --dps-name dps1 --pn enrollments --rights ServiceConfig"))
        #expect(updated["rights"] == "ServiceConfig")
        let connection = try await az.output("iot dps connection-string show -n dps1 --pn enrollments --query connectionString -o tsv")
        #expect(connection.contains("SharedAccessKeyName=enrollments;SharedAccessKey=\(updated["primaryKey"]?.stringValue ?? "?")"))
        _ = try await az.output("iot dps policy delete --dps-name dps1 --pn enrollments")
        #expect(try await az.output("iot dps policy list --dps-name dps1 --query [].keyName -o tsv") == "provisioningserviceowner\n")
        let gone = await az.run("iot dps policy show --dps-name dps1 --pn enrollments")
        #expect(gone.exitCode != 0)
    }

    @Test func aRegistrationIsShownListedByGroupAndDeleted() async throws {
        let az = try await DpsCommandTests.withLinkedDPS()
        let groupKey = SymmetricKey.generate().base64
        _ = try await az.output("iot dps enrollment-group create -n dps1 --eid fleet --pk \(groupKey) -o none")
        let scope = try await az.output("iot dps show -n dps1 --query properties.idScope -o tsv").trimmingCharacters(in: .newlines)
        let deviceKey = try await az.output("iot dps enrollment-group compute-device-key -n dps1 --eid fleet --rid truck-7 -o tsv")
            .trimmingCharacters(in: .newlines)
        let token = SharedAccessSignature.token(
            resourceURI: "\(scope)/registrations/truck-7", key: try SymmetricKey(base64: deviceKey), policyName: nil,
            expiry: Date().addingTimeInterval(3600))
        _ = try await az.cloud.register(idScope: scope, registrationId: "truck-7", credential: .sasToken(token), at: Date())

        let shown = try JSONValue(parsing: try await az.output("iot dps registration show -n dps1 --rid truck-7"))
        #expect(shown["status"] == "assigned")
        #expect(shown["assignedHub"] == "hub1.azure-devices.net")
        #expect(try await az.output("iot dps enrollment-group registration list -n dps1 --eid fleet --query [].registrationId -o tsv") == "truck-7\n")
        _ = try await az.output("iot dps registration delete -n dps1 --rid truck-7")
        #expect(try await az.output("iot dps registration list -n dps1 --eid fleet -o tsv") == "")
        // The hub device stays, as in Azure.
        #expect(try await az.output("iot hub device-identity list -n hub1 --query [].deviceId -o tsv") == "truck-7\n")
    }
}
