import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import LabCore
import ProvisioningEngine
import Testing
import WorkspaceStore
@testable import LocalCloud

@Suite struct ProvisioningServiceTests {
    @Test func createsAnInstanceAsAzureDoes() async throws {
        let fixture = try await ProvisioningFixture()
        let service = try await fixture.cloud.provisioningService(named: "lab-dps", resourceGroup: "rg")
        #expect(service.idScope.count == 11 && service.idScope.hasPrefix("0ne"))
        #expect(service.idScope.dropFirst(3).allSatisfy { $0.isHexDigit && !$0.isLowercase })
        #expect(service.serviceHostName == "lab-dps.azure-devices-provisioning.net")
        let json = service.json(in: fixture.cloud.subscription)
        #expect(json["properties"]?["idScope"] == .string(service.idScope))
        #expect(json["properties"]?["deviceProvisioningHostName"] == "global.azure-devices-provisioning.net")
        #expect(json["properties"]?["allocationPolicy"] == "Hashed")
        #expect(json["properties"]?["iotHubs"]?.arrayValue?.count == 2)
        #expect(json["properties"]?["iotHubs"]?.arrayValue?.first?["connectionString"]?.stringValue?.hasSuffix("SharedAccessKey=****") == true)
        #expect(json["sku"]?["name"] == "S1")
        let connection = try service.connectionString()
        #expect(connection.hasPrefix("HostName=lab-dps.azure-devices-provisioning.net;SharedAccessKeyName=provisioningserviceowner;SharedAccessKey="))
        #expect(try service.policy(named: "provisioningserviceowner").rightsDescription == "ServiceConfig, DeviceConnect, EnrollmentWrite")
        #expect(await fixture.cloud.provisioningServices(resourceGroup: "rg").map(\.name) == ["lab-dps"])
        await #expect(throws: CloudError.provisioningServiceNameNotAvailable(name: "LAB-DPS")) {
            try await fixture.cloud.createProvisioningService(name: "LAB-DPS", resourceGroup: "rg")
        }
        await #expect(throws: CloudError.argumentInvalid(field: "--sku", rule: "a Device Provisioning Service has one SKU, S1, was 'S2'")) {
            try await fixture.cloud.createProvisioningService(name: "other-dps", resourceGroup: "rg", skuName: "S2")
        }
    }

    @Test func linkedHubsAreCheckedAndEditable() async throws {
        let fixture = try await ProvisioningFixture()
        let cloud = fixture.cloud
        let connection = try await cloud.hub(named: "hub-a").connectionString()
        await #expect(throws: CloudError.argumentInvalid(field: "--connection-string", rule: "IoT hub hub-a.azure-devices.net is already linked to 'lab-dps'")) {
            try await cloud.linkHub(toProvisioningService: "lab-dps", connectionString: connection)
        }
        let forged = connection.replacingOccurrences(of: "SharedAccessKey=", with: "SharedAccessKey=x")
        await #expect(throws: CloudError.self) { try await cloud.linkHub(toProvisioningService: "lab-dps", connectionString: forged) }
        let unknown = "HostName=nope.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=\(ProvisioningFixture.key())"
        await #expect(throws: CloudError.argumentInvalid(field: "--connection-string", rule: "no IoT hub 'nope' in this workspace (HostName=nope.azure-devices.net)")) {
            try await cloud.linkHub(toProvisioningService: "lab-dps", connectionString: unknown)
        }
        let updated = try await cloud.updateLinkedHub("hub-a.azure-devices.net", ofProvisioningService: "lab-dps", allocationWeight: 5, applyAllocationPolicy: false)
        #expect(updated.allocationWeight == 5 && updated.applyAllocationPolicy == false && updated.location == "westeurope")
        try await cloud.unlinkHub("hub-b", fromProvisioningService: "lab-dps")
        #expect(try await cloud.linkedHubs(ofProvisioningService: "lab-dps").map(\.hostName) == ["hub-a.azure-devices.net"])
    }

    @Test func certificatesNeedProofOfPossessionBeforeAGroupUsesThem() async throws {
        let fixture = try await ProvisioningFixture()
        let cloud = fixture.cloud
        let now = fixture.now
        let rootKey = try PrivateKey.generate(.ecP256)
        let root = try X509Certificate.selfSigned(commonName: "Azure IoT Hub CA Cert Test Only", key: rootKey, usage: .certificateAuthority, notBefore: now - 60, notAfter: now + 86_400 * 30)
        let uploaded = try await cloud.createProvisioningCertificate(dpsName: "lab-dps", name: "root-ca-cert", pem: root.pem, verified: false)
        #expect(!uploaded.isVerified)
        let group = EnrollmentGroup(enrollmentGroupId: "eg-test-simulated-devices", attestation: .x509(.caReferences(primary: "root-ca-cert", secondary: nil)))
        await #expect(throws: CloudError.provisioning(.argumentInvalid(
            field: "attestation.x509.caReferences.primary",
            rule: "certificate 'root-ca-cert' is not verified; prove possession (generate-verification-code, verify) before a group can use it"))) {
            try await cloud.createEnrollmentGroup(group, dpsName: "lab-dps")
        }
        let coded = try await cloud.generateProvisioningVerificationCode(dpsName: "lab-dps", name: "root-ca-cert", etag: uploaded.etag)
        let code = try #require(coded.verificationCode)
        let proofKey = try PrivateKey.generate(.ecP256)
        let proof = try X509Certificate.issued(commonName: code, subjectKey: proofKey, issuer: root, issuerKey: rootKey, usage: .endEntity(dnsNames: []), notBefore: now - 60, notAfter: now + 86_400)
        let verified = try await cloud.verifyProvisioningCertificate(dpsName: "lab-dps", name: "root-ca-cert", etag: coded.etag, proofPEM: proof.pem)
        #expect(verified.isVerified)
        let json = try await cloud.provisioningService(named: "lab-dps").json(of: verified, in: cloud.subscription)
        #expect(json["type"] == "Microsoft.Devices/provisioningServices/Certificates")
        #expect(json["properties"]?["isVerified"] == true)
        _ = try await cloud.createEnrollmentGroup(group, dpsName: "lab-dps")
        await #expect(throws: CloudError.preconditionFailed(resource: "certificate 'root-ca-cert'", etag: "stale")) {
            try await cloud.deleteProvisioningCertificate(dpsName: "lab-dps", name: "root-ca-cert", etag: "stale")
        }
    }

    @Test func enrollmentsFollowDPSRulesAndEtags() async throws {
        let fixture = try await ProvisioningFixture()
        let cloud = fixture.cloud
        let enrollment = IndividualEnrollment(
            registrationId: "sensor-thl-1000", attestation: .symmetricKey(primaryKey: ProvisioningFixture.key(), secondaryKey: ProvisioningFixture.key()))
        let created = try await cloud.createEnrollment(enrollment, dpsName: "lab-dps")
        #expect(!created.etag.isEmpty && created.createdDateTimeUtc == fixture.now)
        #expect(created.json["attestation"]?["type"] == "symmetricKey")
        #expect(created.json["provisioningStatus"] == "enabled")
        await #expect(throws: CloudError.provisioning(.conflict(resource: "The individual enrollment 'sensor-thl-1000'"))) {
            try await cloud.createEnrollment(enrollment, dpsName: "lab-dps")
        }
        let bad = IndividualEnrollment(registrationId: "Upper", attestation: .symmetricKey(primaryKey: "short", secondaryKey: "short"))
        await #expect(throws: CloudError.provisioning(.argumentInvalid(field: "registrationId", rule: "must be 1 to 128 lower-case letters, digits, '-', '.', '_' or ':', was 'Upper'"))) {
            try await cloud.createEnrollment(bad, dpsName: "lab-dps")
        }
        let badKey = IndividualEnrollment(registrationId: "d1", attestation: .symmetricKey(primaryKey: "c2hvcnQ=", secondaryKey: ProvisioningFixture.key()))
        await #expect(throws: CloudError.provisioning(.argumentInvalid(field: "attestation.symmetricKey.primaryKey", rule: "must decode to 16 to 64 bytes, was 5"))) {
            try await cloud.createEnrollment(badKey, dpsName: "lab-dps")
        }
        var changed = created
        changed.policy.provisioningStatus = .disabled
        await #expect(throws: CloudError.provisioning(.preconditionFailed(resource: "individual enrollment 'sensor-thl-1000'", etag: "nope"))) {
            try await cloud.updateEnrollment(changed, dpsName: "lab-dps", ifMatch: "nope")
        }
        let updated = try await cloud.updateEnrollment(changed, dpsName: "lab-dps", ifMatch: created.etag)
        #expect(updated.policy.provisioningStatus == .disabled && updated.etag != created.etag)
        try await cloud.deleteEnrollment(registrationId: "sensor-thl-1000", dpsName: "lab-dps")
        await #expect(throws: CloudError.provisioning(.enrollmentNotFound(registrationId: "sensor-thl-1000"))) {
            try await cloud.enrollment(registrationId: "sensor-thl-1000", dpsName: "lab-dps")
        }
        let tpmGroup = EnrollmentGroup(enrollmentGroupId: "g", attestation: .tpm(endorsementKey: "AAAA", storageRootKey: nil))
        await #expect(throws: CloudError.self) { try await cloud.createEnrollmentGroup(tpmGroup, dpsName: "lab-dps") }
    }

    @Test func everythingSurvivesAReopen() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("workspace.sqlite")
        let key = ProvisioningFixture.key()
        let scope: String
        do {
            let fixture = try await ProvisioningFixture(workspace: Workspace(fileURL: file))
            scope = fixture.scope
            var policy = EnrollmentPolicy(initialTwin: InitialTwin(desiredProperties: ["telemetryDelay": "2"]))
            policy.reprovisionPolicy = ReprovisionPolicy(updateHubAssignment: true, migrateDeviceData: false)
            _ = try await fixture.cloud.createEnrollment(
                IndividualEnrollment(registrationId: "sensor-thl-1000", attestation: .symmetricKey(primaryKey: key, secondaryKey: key), policy: policy),
                dpsName: "lab-dps")
            _ = try await fixture.cloud.createEnrollmentGroup(
                EnrollmentGroup(enrollmentGroupId: "sym-group", attestation: .symmetricKey(primaryKey: key, secondaryKey: key)), dpsName: "lab-dps")
            let operation = try await fixture.register("sensor-thl-1000", .sasToken(fixture.token("sensor-thl-1000", key: key)))
            #expect(operation.status == .assigned)
        }
        let reopened = try LocalCloud(workspace: Workspace(fileURL: file), clock: ManualClock())
        let service = try await reopened.provisioningService(named: "lab-dps")
        #expect(service.idScope == scope)
        #expect(service.linkedHubs.count == 2)
        let enrollment = try await reopened.enrollment(registrationId: "sensor-thl-1000", dpsName: "lab-dps")
        #expect(enrollment.policy.initialTwin?.desiredProperties["telemetryDelay"] == "2")
        #expect(enrollment.policy.reprovisionPolicy.migrateDeviceData == false)
        #expect(try await reopened.enrollmentGroups(dpsName: "lab-dps").map(\.enrollmentGroupId) == ["sym-group"])
        let registration = try await reopened.registration(registrationId: "sensor-thl-1000", dpsName: "lab-dps")
        #expect(registration.status == .assigned && registration.deviceId == "sensor-thl-1000")
        #expect(try await reopened.provisioningService(named: "lab-dps").policy(named: "provisioningserviceowner").primaryKey == service.policies[0].primaryKey)
    }
}
