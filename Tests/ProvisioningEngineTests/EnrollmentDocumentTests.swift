import Foundation
import IoTSecurity
import JSONValue
import Testing
@testable import ProvisioningEngine

@Suite struct EnrollmentDocumentTests {
    @Test func anEnrollmentReadsBackFromItsDocument() throws {
        let key = try PrivateKey.generate(.ecP256)
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        let certificate = try X509Certificate.selfSigned(commonName: "dev", key: key, usage: .endEntity(dnsNames: []), notBefore: now, notAfter: now + 60)
        let policy = EnrollmentPolicy(
            iotEdge: true, initialTwin: InitialTwin(tags: ["a": 1], desiredProperties: ["b": "2"]), provisioningStatus: .disabled,
            reprovisionPolicy: ReprovisionPolicy(updateHubAssignment: false, migrateDeviceData: false), allocationPolicy: .custom,
            iotHubs: ["h.azure-devices.net"], customAllocationDefinition: CustomAllocationDefinition(webhookUrl: "https://f.example/api"))
        let enrollment = IndividualEnrollment(
            registrationId: "dev", deviceId: "device-1", attestation: .x509(.clientCertificates(primary: certificate, secondary: nil)),
            policy: policy, etag: "e1", createdDateTimeUtc: now, lastUpdatedDateTimeUtc: now)
        let json = enrollment.json
        #expect(json["attestation"]?["x509"]?["clientCertificates"]?["primary"]?["info"]?["sha1Thumbprint"] == .string(certificate.sha1Thumbprint))
        #expect(json["capabilities"] == ["iotEdge": true])
        #expect(try IndividualEnrollment(json: json) == enrollment)
        let group = EnrollmentGroup(enrollmentGroupId: "g", attestation: .x509(.caReferences(primary: "root", secondary: nil)), etag: "e", createdDateTimeUtc: now, lastUpdatedDateTimeUtc: now)
        #expect(try EnrollmentGroup(json: group.json) == group)
    }

    @Test func malformedDocumentsNameTheMember() {
        #expect(throws: ProvisioningError.argumentInvalid(field: "attestation.type", rule: "must be symmetricKey, x509 or tpm, was 'magic'")) {
            try IndividualEnrollment(json: ["registrationId": "d", "attestation": ["type": "magic"]])
        }
        #expect(throws: ProvisioningError.argumentInvalid(field: "allocationPolicy", rule: "must be hashed, geoLatency, static or custom, was 'random'")) {
            try IndividualEnrollment(json: ["registrationId": "d", "attestation": ["type": "tpm", "tpm": ["endorsementKey": "AAAA"]], "allocationPolicy": "random"])
        }
    }

    @Test func customAnswersMustNameALinkedHub() throws {
        let hubs = [AllocationCandidate(hostName: "a.azure-devices.net", location: "x")]
        #expect(try CustomAllocation.answer(["iotHubHostName": "A.azure-devices.net"], candidates: hubs).hub == hubs[0])
        #expect(throws: ProvisioningError.customAllocationFailed(reason: "the answer has no iotHubHostName")) {
            try CustomAllocation.answer([:], candidates: hubs)
        }
    }
}
