import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import LocalCloud
import ProvisioningEngine
import Testing

/// The real `azure-iot-device` 2.14.0 ProvisioningDeviceClient over TLS (and WebSockets) against
/// the DPS front door, then IoTHubDeviceClient on the assigned hub sending telemetry: the official
/// labs 05 and 06, and the refusals a learner must see clearly rather than as a hang.
/// One at a time to spare the CPU: each test starts Python SDK processes.
@Suite(.serialized) struct DPSProvisioningSDKTests {
    @Test func aSymmetricKeyEnrollmentIsAssignedAndTheDeviceSendsTelemetry() async throws {
        try await DPSFixture.with { fixture in
            let twin = InitialTwin(desiredProperties: ["telemetryDelay": "2"])
            let key = try await fixture.enrollSymmetric("sensor-thl-1000", policy: EnrollmentPolicy(initialTwin: twin))
            guard let result = try await fixture.provision("sensor-thl-1000", ["--key", key, "--telemetry", "2", "--payload", #"{"a": 1}"#])
            else { return }
            #expect(result["status"] == "assigned")
            #expect(result["assignedHub"] == .string(DPSFixture.hubHost))
            #expect(result["deviceId"] == "sensor-thl-1000")
            #expect(result["substatus"] == "initialAssignment")
            #expect(result["sent"] == 2)
            #expect(result["error"] == nil)
            let hub = try await fixture.hub()
            #expect(try await hub.twin(of: "sensor-thl-1000")[path: ["properties", "desired", "telemetryDelay"]] == "2")
            let messages = try fixture.builtInMessages()
            #expect(messages.count == 2)
            #expect(messages.allSatisfy { $0.systemProperties.connectionDeviceId == "sensor-thl-1000" })
            let registration = try await fixture.cloud.registration(registrationId: "sensor-thl-1000", dpsName: DPSFixture.dpsName)
            #expect(registration.status == .assigned)
        }
    }

    @Test func aGroupDeviceRegistersWithItsDerivedKeyOverWebSockets() async throws {
        try await DPSFixture.with { fixture in
            let groupKey = SymmetricKey.generate().base64
            _ = try await fixture.cloud.createEnrollmentGroup(
                EnrollmentGroup(
                    enrollmentGroupId: "contoso-sensors",
                    attestation: .symmetricKey(primaryKey: groupKey, secondaryKey: SymmetricKey.generate().base64)),
                dpsName: DPSFixture.dpsName)
            guard let result = try await fixture.provision("sensor-2001", ["--group-key", groupKey, "--websockets"]) else { return }
            #expect(result["status"] == "assigned")
            #expect(result["deviceId"] == "sensor-2001")
            #expect(result["sent"] == 1)
            let registrations = try await fixture.cloud.registrations(dpsName: DPSFixture.dpsName, enrollmentGroupId: "contoso-sensors")
            #expect(registrations.map(\.registrationId) == ["sensor-2001"])
        }
    }

    @Test func anX509IndividualEnrollmentIsAssignedAndTheDeviceConnectsWithItsCertificate() async throws {
        try await DPSFixture.with { fixture in
            let folder = try DPSCertificateFolder()
            defer { folder.remove() }
            let device = try folder.device("sensor-x509-1", issuer: nil)
            _ = try await fixture.cloud.createEnrollment(
                IndividualEnrollment(registrationId: "sensor-x509-1", attestation: .x509(.clientCertificates(primary: device.certificate, secondary: nil))),
                dpsName: DPSFixture.dpsName)
            guard let result = try await fixture.provision("sensor-x509-1", ["--cert", device.certificateFile, "--cert-key", device.keyFile])
            else { return }
            #expect(result["status"] == "assigned")
            #expect(result["deviceId"] == "sensor-x509-1")
            #expect(result["sent"] == 1)
            #expect(result["error"] == nil)
        }
    }

    /// Lab 06: a root CA verified by proof of possession backs the group; five devices with
    /// certificates from its intermediate register and send telemetry.
    @Test func fiveDevicesRegisterThroughAGroupBackedByAVerifiedCA() async throws {
        try await DPSFixture.with { fixture in
            let folder = try DPSCertificateFolder()
            defer { folder.remove() }
            let root = try DPSCertificateFolder.authority("Azure IoT Hub CA Cert Test Only")
            let intermediate = try DPSCertificateFolder.authority("Azure IoT Hub Intermediate Cert Test Only", issuer: root)
            let uploaded = try await fixture.cloud.createProvisioningCertificate(
                dpsName: DPSFixture.dpsName, name: "root-ca-cert", pem: root.0.pem, verified: false)
            let coded = try await fixture.cloud.generateProvisioningVerificationCode(
                dpsName: DPSFixture.dpsName, name: "root-ca-cert", etag: uploaded.etag)
            let code = try #require(coded.verificationCode)
            let proof = try folder.device(code, issuer: root)
            _ = try await fixture.cloud.verifyProvisioningCertificate(
                dpsName: DPSFixture.dpsName, name: "root-ca-cert", etag: coded.etag, proofPEM: proof.certificate.pem)
            _ = try await fixture.cloud.createEnrollmentGroup(
                EnrollmentGroup(enrollmentGroupId: "eg-test-simulated-devices", attestation: .x509(.caReferences(primary: "root-ca-cert", secondary: nil))),
                dpsName: DPSFixture.dpsName)
            for number in 2000...2004 {
                let device = try folder.device("sensor-thl-\(number)", issuer: intermediate, chain: [intermediate.0])
                guard let result = try await fixture.provision(
                    "sensor-thl-\(number)", ["--cert", device.certificateFile, "--cert-key", device.keyFile])
                else { return }
                #expect(result["status"] == "assigned", "sensor-thl-\(number): \(result)")
                #expect(result["sent"] == 1)
            }
            let registrations = try await fixture.cloud.registrations(dpsName: DPSFixture.dpsName, enrollmentGroupId: "eg-test-simulated-devices")
            #expect(registrations.count == 5)
            #expect(Set(try fixture.builtInMessages().compactMap(\.systemProperties.connectionDeviceId)).count == 5)
        }
    }

    /// Lab 06's deprovisioning: a disabled individual enrollment ends `disabled`, which the SDK
    /// raises as a ServiceError; a disabled group is refused with 401.
    @Test func disabledEnrollmentsAreRefusedClearly() async throws {
        try await DPSFixture.with { fixture in
            let key = try await fixture.enrollSymmetric("sensor-off", policy: EnrollmentPolicy(provisioningStatus: .disabled))
            guard let result = try await fixture.provision("sensor-off", ["--key", key]) else { return }
            // The SDK raises ClientError around the ServiceError for a status other than assigned.
            #expect(result["error"] == "ClientError")
            #expect(result["message"]?.stringValue?.contains("invalid registration status disabled") == true, "\(result)")
            let groupKey = SymmetricKey.generate().base64
            _ = try await fixture.cloud.createEnrollmentGroup(
                EnrollmentGroup(
                    enrollmentGroupId: "off-group", attestation: .symmetricKey(primaryKey: groupKey, secondaryKey: groupKey),
                    policy: EnrollmentPolicy(provisioningStatus: .disabled)),
                dpsName: DPSFixture.dpsName)
            guard let member = try await fixture.provision("sensor-2002", ["--group-key", groupKey]) else { return }
            #expect(member["error"] == "ClientError")
            #expect(member["message"]?.stringValue?.contains("service error status code 401") == true, "\(member)")
            #expect(try await fixture.hub().devices().isEmpty)
        }
    }

    @Test func aBadKeyAWrongScopeAndAnUnknownRegistrationAreRefusedWithoutHanging() async throws {
        try await DPSFixture.with { fixture in
            try await fixture.enrollSymmetric("sensor-1")
            let stranger = SymmetricKey.generate().base64
            for (registrationId, scope) in [("sensor-1", fixture.idScope), ("sensor-1", "0ne00000000"), ("nobody", fixture.idScope)] {
                guard let result = try await fixture.provision(registrationId, idScope: scope, ["--key", stranger]) else { return }
                // CONNACK 5, which the SDK reports as CredentialError.
                #expect(result["error"] == "CredentialError", "\(registrationId) in \(scope): \(result)")
                #expect(result["status"] == nil)
            }
            #expect(try await fixture.hub().devices().isEmpty)
        }
    }
}
