import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import LabCore
import ProvisioningEngine
import Testing
import WorkspaceStore
@testable import LocalCloud

@Suite struct ProvisioningRegistrationTests {
    static func symmetric(_ id: String, _ key: String, _ policy: EnrollmentPolicy = EnrollmentPolicy()) -> IndividualEnrollment {
        IndividualEnrollment(registrationId: id, attestation: .symmetricKey(primaryKey: key, secondaryKey: ProvisioningFixture.key()), policy: policy)
    }

    @Test func symmetricIndividualEnrollmentAssignsWithTheInitialTwin() async throws {
        let fixture = try await ProvisioningFixture()
        let key = ProvisioningFixture.key()
        let policy = EnrollmentPolicy(initialTwin: InitialTwin(tags: ["site": "lab"], desiredProperties: ["telemetryDelay": "2"]))
        _ = try await fixture.cloud.createEnrollment(Self.symmetric("sensor-thl-1000", key, policy), dpsName: "lab-dps")
        let operation = try await fixture.register("sensor-thl-1000", .sasToken(fixture.token("sensor-thl-1000", key: key)))
        let state = try #require(operation.registrationState)
        #expect(operation.status == .assigned && state.substatus == .initialAssignment && state.deviceId == "sensor-thl-1000")
        let host = try #require(state.assignedHub)
        let device = try await fixture.device("sensor-thl-1000", in: host)
        #expect(device.authentication.type == .sas && device.authentication.primaryKey == key)
        let twin = try await fixture.twin("sensor-thl-1000", in: host)
        #expect(twin["properties"]?["desired"]?["telemetryDelay"] == "2")
        #expect(twin["tags"]?["site"] == "lab")
        #expect(operation.json["registrationState"]?["assignedHub"] == .string(host))
        let events = try fixture.events("DeviceRegistered")
        #expect(events.count == 1)
        #expect(events.first?["trace"]?["enrollment"] == "individual:sensor-thl-1000")
        #expect(events.first?["trace"]?["candidateHubs"]?.arrayValue?.count == 2)
        #expect(events.first?["trace"]?["allocationPolicy"] == "hashed")
    }

    @Test func refusalsAreUnauthorizedAndTraced() async throws {
        let fixture = try await ProvisioningFixture()
        let key = ProvisioningFixture.key()
        _ = try await fixture.cloud.createEnrollment(Self.symmetric("sensor-1", key), dpsName: "lab-dps")
        let wrongKey = try fixture.token("sensor-1", key: ProvisioningFixture.key())
        await #expect(throws: ProvisioningError.unauthorized(reason: "the SAS token is signed with neither key of the individual enrollment")) {
            try await fixture.cloud.register(idScope: fixture.scope, registrationId: "sensor-1", credential: .sasToken(wrongKey))
        }
        await #expect(throws: ProvisioningError.unauthorized(reason: "no provisioning service has ID scope '0ne00000000'")) {
            try await fixture.cloud.register(idScope: "0ne00000000", registrationId: "sensor-1", credential: .sasToken(try fixture.token("sensor-1", key: key)))
        }
        let otherScope = try fixture.token("sensor-1", key: key, scope: "0ne11111111")
        await #expect(throws: ProvisioningError.unauthorized(reason: "the SAS token's sr '0ne11111111/registrations/sensor-1' does not grant '\(fixture.scope)/registrations/sensor-1'")) {
            try await fixture.cloud.register(idScope: fixture.scope, registrationId: "sensor-1", credential: .sasToken(otherScope))
        }
        await #expect(throws: ProvisioningError.self) {
            try await fixture.cloud.register(idScope: fixture.scope, registrationId: "unknown-1", credential: .sasToken(try fixture.token("unknown-1", key: key)))
        }
        #expect(try fixture.events("DeviceRegistrationRefused").count == 4)
        #expect(ProvisioningError.unauthorized(reason: "x").description == "401002 Unauthorized: Unauthorized")
    }

    @Test func groupDerivedKeysAndEdgeDevices() async throws {
        let fixture = try await ProvisioningFixture()
        let groupKey = ProvisioningFixture.key()
        let group = EnrollmentGroup(
            enrollmentGroupId: "edge-group", attestation: .symmetricKey(primaryKey: groupKey, secondaryKey: ProvisioningFixture.key()),
            policy: EnrollmentPolicy(iotEdge: true))
        _ = try await fixture.cloud.createEnrollmentGroup(group, dpsName: "lab-dps")
        let derived = DeviceKeyDerivation.deviceKey(groupKey: try SymmetricKey(base64: groupKey), registrationID: "edge-0001").base64
        let operation = try await fixture.register("edge-0001", .sasToken(fixture.token("edge-0001", key: derived)))
        let host = try #require(operation.registrationState?.assignedHub)
        let device = try await fixture.device("edge-0001", in: host)
        #expect(device.iotEdge && device.authentication.primaryKey == derived)
        #expect(try await fixture.cloud.registrations(dpsName: "lab-dps", enrollmentGroupId: "edge-group").map(\.registrationId) == ["edge-0001"])
        await #expect(throws: ProvisioningError.self) {
            try await fixture.cloud.register(idScope: fixture.scope, registrationId: "edge-0002", credential: .sasToken(try fixture.token("edge-0002", key: groupKey)))
        }
    }

    @Test func individualBeatsGroupAndDisabledEnrollmentsRefuse() async throws {
        let fixture = try await ProvisioningFixture()
        let groupKey = ProvisioningFixture.key()
        _ = try await fixture.cloud.createEnrollmentGroup(
            EnrollmentGroup(enrollmentGroupId: "group", attestation: .symmetricKey(primaryKey: groupKey, secondaryKey: groupKey)), dpsName: "lab-dps")
        let derived = DeviceKeyDerivation.deviceKey(groupKey: try SymmetricKey(base64: groupKey), registrationID: "sensor-thl-2004").base64
        _ = try await fixture.cloud.createEnrollment(
            Self.symmetric("sensor-thl-2004", derived, EnrollmentPolicy(provisioningStatus: .disabled)), dpsName: "lab-dps")
        let blocked = try await fixture.register("sensor-thl-2004", .sasToken(fixture.token("sensor-thl-2004", key: derived)))
        #expect(blocked.status == .disabled && blocked.registrationState?.assignedHub == nil)
        // The group alone admits the device once the individual enrollment is gone.
        try await fixture.cloud.deleteEnrollment(registrationId: "sensor-thl-2004", dpsName: "lab-dps")
        #expect(try await fixture.register("sensor-thl-2004", .sasToken(fixture.token("sensor-thl-2004", key: derived))).status == .assigned)
        var group = try await fixture.cloud.enrollmentGroup(id: "group", dpsName: "lab-dps")
        group.policy.provisioningStatus = .disabled
        _ = try await fixture.cloud.updateEnrollmentGroup(group, dpsName: "lab-dps", ifMatch: nil)
        await #expect(throws: ProvisioningError.unauthorized(reason: "group:group is disabled")) {
            try await fixture.cloud.register(idScope: fixture.scope, registrationId: "sensor-thl-2004", credential: .sasToken(try fixture.token("sensor-thl-2004", key: derived)))
        }
        try await fixture.cloud.deleteEnrollmentGroup(id: "group", dpsName: "lab-dps")
        await #expect(throws: ProvisioningError.self) {
            try await fixture.cloud.register(idScope: fixture.scope, registrationId: "sensor-thl-2004", credential: .sasToken(try fixture.token("sensor-thl-2004", key: derived)))
        }
    }

    @Test func x509IndividualAndVerifiedGroup() async throws {
        let fixture = try await ProvisioningFixture()
        let cloud = fixture.cloud
        let now = fixture.now
        let deviceKey = try PrivateKey.generate(.ecP256)
        let selfSigned = try X509Certificate.selfSigned(commonName: "x509-device", key: deviceKey, usage: .endEntity(dnsNames: []), notBefore: now - 60, notAfter: now + 86_400)
        _ = try await cloud.createEnrollment(
            IndividualEnrollment(registrationId: "x509-device", attestation: .x509(.clientCertificates(primary: selfSigned, secondary: nil))), dpsName: "lab-dps")
        let single = try await fixture.register("x509-device", .certificateChain([selfSigned]))
        let host = try #require(single.registrationState?.assignedHub)
        #expect(try await fixture.device("x509-device", in: host).authentication.primaryThumbprint == selfSigned.sha1Thumbprint)

        let rootKey = try PrivateKey.generate(.ecP256)
        let root = try X509Certificate.selfSigned(commonName: "root", key: rootKey, usage: .certificateAuthority, notBefore: now - 60, notAfter: now + 86_400 * 30)
        _ = try await cloud.createProvisioningCertificate(dpsName: "lab-dps", name: "root-ca-cert", pem: root.pem, verified: true)
        _ = try await cloud.createEnrollmentGroup(
            EnrollmentGroup(enrollmentGroupId: "eg-test-simulated-devices", attestation: .x509(.caReferences(primary: "root-ca-cert", secondary: nil)),
                policy: EnrollmentPolicy(initialTwin: InitialTwin(desiredProperties: ["telemetryDelay": "1"]))), dpsName: "lab-dps")
        for index in 0..<5 {
            let id = "sensor-thl-200\(index)"
            let key = try PrivateKey.generate(.ecP256)
            let leaf = try X509Certificate.issued(commonName: id, subjectKey: key, issuer: root, issuerKey: rootKey, usage: .endEntity(dnsNames: []), notBefore: now - 60, notAfter: now + 86_400)
            let operation = try await fixture.register(id, .certificateChain([leaf, root]))
            #expect(operation.registrationState?.status == .assigned)
        }
        #expect(try await cloud.registrations(dpsName: "lab-dps", enrollmentGroupId: "eg-test-simulated-devices").count == 5)

        let strangerKey = try PrivateKey.generate(.ecP256)
        let stranger = try X509Certificate.selfSigned(commonName: "sensor-x", key: strangerKey, usage: .endEntity(dnsNames: []), notBefore: now - 60, notAfter: now + 86_400)
        await #expect(throws: ProvisioningError.self) {
            try await cloud.register(idScope: fixture.scope, registrationId: "sensor-x", credential: .certificateChain([stranger]))
        }
        let wrongName = try X509Certificate.issued(commonName: "someone-else", subjectKey: strangerKey, issuer: root, issuerKey: rootKey, usage: .endEntity(dnsNames: []), notBefore: now - 60, notAfter: now + 86_400)
        await #expect(throws: ProvisioningError.unauthorized(reason: "the certificate's CN 'someone-else' is not the registration id 'sensor-x'")) {
            try await cloud.register(idScope: fixture.scope, registrationId: "sensor-x", credential: .certificateChain([wrongName]))
        }
        // On the lab clock, a month later the device certificates have expired.
        fixture.clock.advance(by: 86_400 * 2)
        let late = try PrivateKey.generate(.ecP256)
        let expired = try X509Certificate.issued(commonName: "sensor-late", subjectKey: late, issuer: root, issuerKey: rootKey, usage: .endEntity(dnsNames: []), notBefore: now - 60, notAfter: now + 86_400)
        await #expect(throws: ProvisioningError.self) {
            try await cloud.register(idScope: fixture.scope, registrationId: "sensor-late", credential: .certificateChain([expired]))
        }
    }

    @Test func tpmAnswersANonceChallenge() async throws {
        let fixture = try await ProvisioningFixture()
        let endorsement = try PrivateKey.generate(.rsa(bits: 2048))
        let ek = Data(try TPMEndorsementKey.publicKey(of: endorsement)).base64EncodedString()
        _ = try await fixture.cloud.createEnrollment(
            IndividualEnrollment(registrationId: "tpm-device", attestation: .tpm(endorsementKey: ek, storageRootKey: nil)), dpsName: "lab-dps")
        var challenge = ""
        do {
            _ = try await fixture.cloud.register(idScope: fixture.scope, registrationId: "tpm-device", credential: .tpm(endorsementKey: ek, storageRootKey: nil, sasToken: nil))
            Issue.record("the first leg must be challenged")
        } catch {
            guard case .tpmChallenge(let key) = error else { throw error }
            #expect(error.httpStatus == 401)
            challenge = key
        }
        let secret = try TPMEndorsementKey.decrypt(Array(try #require(Data(base64Encoded: challenge))), with: endorsement)
        let key = Data(secret).base64EncodedString()
        let operation = try await fixture.register("tpm-device", .tpm(endorsementKey: ek, storageRootKey: nil, sasToken: fixture.token("tpm-device", key: key)))
        let host = try #require(operation.registrationState?.assignedHub)
        #expect(try await fixture.device("tpm-device", in: host).authentication.primaryKey == key)
        let otherEK = Data(try TPMEndorsementKey.publicKey(of: PrivateKey.generate(.rsa(bits: 2048)))).base64EncodedString()
        await #expect(throws: ProvisioningError.unauthorized(reason: "the endorsement key differs from the enrollment's")) {
            try await fixture.cloud.register(idScope: fixture.scope, registrationId: "tpm-device", credential: .tpm(endorsementKey: otherEK, storageRootKey: nil, sasToken: nil))
        }
    }

    @Test func reprovisioningMigratesOrResetsAndADeletedDeviceStartsOver() async throws {
        let fixture = try await ProvisioningFixture()
        let cloud = fixture.cloud
        let key = ProvisioningFixture.key()
        for (id, migrate) in [("migrating", true), ("resetting", false)] {
            let policy = EnrollmentPolicy(
                initialTwin: InitialTwin(desiredProperties: ["telemetryDelay": "2"]),
                reprovisionPolicy: ReprovisionPolicy(updateHubAssignment: true, migrateDeviceData: migrate),
                allocationPolicy: .static, iotHubs: [ProvisioningFixture.hubA])
            let created = try await cloud.createEnrollment(Self.symmetric(id, key, policy), dpsName: "lab-dps")
            let first = try await fixture.register(id, .sasToken(fixture.token(id, key: key)))
            #expect(first.registrationState?.assignedHub == ProvisioningFixture.hubA)
            _ = try await cloud.engine(forHub: "hub-a").updateTwin(of: id, patch: ["properties": ["desired": ["telemetryDelay": "5"]]], ifMatch: nil)
            var moved = created
            moved.policy.iotHubs = [ProvisioningFixture.hubB]
            _ = try await cloud.updateEnrollment(moved, dpsName: "lab-dps", ifMatch: created.etag)
            let second = try await fixture.register(id, .sasToken(fixture.token(id, key: key)))
            #expect(second.registrationState?.assignedHub == ProvisioningFixture.hubB)
            #expect(second.registrationState?.substatus == (migrate ? .deviceDataMigrated : .deviceDataReset))
            let twin = try await fixture.twin(id, in: ProvisioningFixture.hubB)
            #expect(twin["properties"]?["desired"]?["telemetryDelay"] == (migrate ? "5" : "2"))
            await #expect(throws: HubError.deviceNotFound(deviceId: id)) { try await cloud.engine(forHub: "hub-a").device(id) }
        }
        // Deleting the hub device forces a new registration: a first assignment with the initial twin.
        try await cloud.engine(forHub: "hub-b").deleteDevice("migrating", ifMatch: nil)
        let again = try await fixture.register("migrating", .sasToken(fixture.token("migrating", key: key)))
        #expect(again.registrationState?.substatus == .initialAssignment)
        #expect(try await fixture.twin("migrating", in: ProvisioningFixture.hubB)["properties"]?["desired"]?["telemetryDelay"] == "2")
    }

    @Test func customAllocationByCommandAndItsFailures() async throws {
        let fixture = try await ProvisioningFixture()
        let cloud = fixture.cloud
        let key = ProvisioningFixture.key()
        // The test serves the function itself: a command that reads Azure's request and picks the last linked hub.
        let script = """
            python3 -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps({"iotHubHostName": r["linkedHubs"][-1], "initialTwin": {"tags": {"by": r["deviceRuntimeContext"]["registrationId"]}, "properties": {"desired": {}}}, "payload": {"echo": r["deviceRuntimeContext"]["payload"]}}))'
            """
        let policy = EnrollmentPolicy(allocationPolicy: .custom, customAllocationDefinition: CustomAllocationDefinition(webhookUrl: "command:\(script)"))
        _ = try await cloud.createEnrollment(Self.symmetric("custom-1", key, policy), dpsName: "lab-dps")
        let operation = try await fixture.register("custom-1", .sasToken(fixture.token("custom-1", key: key)), payload: ["region": "x"])
        #expect(operation.registrationState?.assignedHub == ProvisioningFixture.hubB)
        #expect(operation.registrationState?.payload == ["echo": ["region": "x"]])
        #expect(try await fixture.twin("custom-1", in: ProvisioningFixture.hubB)["tags"]?["by"] == "custom-1")

        let failing = EnrollmentPolicy(allocationPolicy: .custom, customAllocationDefinition: CustomAllocationDefinition(webhookUrl: "command:echo broken >&2; exit 3"))
        _ = try await cloud.createEnrollment(Self.symmetric("custom-2", key, failing), dpsName: "lab-dps")
        let failed = try await fixture.register("custom-2", .sasToken(fixture.token("custom-2", key: key)))
        #expect(failed.status == .failed)
        #expect(failed.registrationState?.errorCode == 400209)
        #expect(failed.registrationState?.errorMessage == "Custom allocation failed: the command exited with status 3: broken")
        #expect(try fixture.events("DeviceRegistrationFailed").first?["trace"]?["refusal"] == "Custom allocation failed: the command exited with status 3: broken")

        let stranger = EnrollmentPolicy(allocationPolicy: .custom, customAllocationDefinition: CustomAllocationDefinition(webhookUrl: "command:echo '{\"iotHubHostName\": \"elsewhere.azure-devices.net\"}'"))
        _ = try await cloud.createEnrollment(Self.symmetric("custom-3", key, stranger), dpsName: "lab-dps")
        #expect(try await fixture.register("custom-3", .sasToken(fixture.token("custom-3", key: key))).registrationState?.errorCode == 400209)

        let unreachable = EnrollmentPolicy(allocationPolicy: .custom, customAllocationDefinition: CustomAllocationDefinition(webhookUrl: "http://127.0.0.1:9/api/allocate"))
        _ = try await cloud.createEnrollment(Self.symmetric("custom-4", key, unreachable), dpsName: "lab-dps")
        #expect(try await fixture.register("custom-4", .sasToken(fixture.token("custom-4", key: key))).status == .failed)
    }
}
