import Foundation
import JSONValue
import LabCore

extension EnrollmentPolicy {
    /// The policy members of Azure's enrollment documents.
    var jsonMembers: JSONObject {
        [
            "capabilities": ["iotEdge": .bool(iotEdge)],
            "provisioningStatus": .string(provisioningStatus.rawValue),
            "reprovisionPolicy": [
                "updateHubAssignment": .bool(reprovisionPolicy.updateHubAssignment),
                "migrateDeviceData": .bool(reprovisionPolicy.migrateDeviceData),
            ],
            "allocationPolicy": allocationPolicy.map { .string($0.rawValue) } ?? .null,
            "iotHubs": iotHubs.map { .array($0.map(JSONValue.string)) } ?? .null,
            "customAllocationDefinition": customAllocationDefinition.map {
                ["webhookUrl": .string($0.webhookUrl), "apiVersion": .string($0.apiVersion)]
            } ?? .null,
            "initialTwin": initialTwin?.json ?? .null,
        ]
    }

    /// Reads the policy members of an enrollment document; absent members take Azure's defaults.
    init(json: JSONValue) throws(ProvisioningError) {
        self.init()
        iotEdge = json["capabilities"]?["iotEdge"]?.boolValue ?? false
        if let status = json["provisioningStatus"]?.stringValue {
            guard let parsed = ProvisioningStatus(rawValue: status.lowercased()) else {
                throw .argumentInvalid(field: "provisioningStatus", rule: "must be enabled or disabled, was '\(status)'")
            }
            provisioningStatus = parsed
        }
        if let reprovision = json["reprovisionPolicy"], reprovision != .null {
            reprovisionPolicy = ReprovisionPolicy(
                updateHubAssignment: reprovision["updateHubAssignment"]?.boolValue ?? true,
                migrateDeviceData: reprovision["migrateDeviceData"]?.boolValue ?? true)
        }
        if let name = json["allocationPolicy"]?.stringValue {
            guard let parsed = AllocationPolicy(name: name) else {
                throw .argumentInvalid(field: "allocationPolicy", rule: "must be hashed, geoLatency, static or custom, was '\(name)'")
            }
            allocationPolicy = parsed
        }
        iotHubs = json["iotHubs"]?.arrayValue?.compactMap(\.stringValue)
        if let url = json["customAllocationDefinition"]?["webhookUrl"]?.stringValue {
            customAllocationDefinition = CustomAllocationDefinition(
                webhookUrl: url, apiVersion: json["customAllocationDefinition"]?["apiVersion"]?.stringValue ?? "2019-03-31")
        }
        if let twin = json["initialTwin"], twin != .null {
            guard let parsed = InitialTwin(json: twin) else {
                throw .argumentInvalid(field: "initialTwin", rule: "must be {\"tags\": {...}, \"properties\": {\"desired\": {...}}}")
            }
            initialTwin = parsed
        }
    }
}

extension Enrollment {
    /// Azure's document: `leading` (the id, device id, attestation), then the policy members,
    /// the etag and the times.
    func document(_ leading: JSONObject) -> JSONValue {
        var object = leading
        object.merge(policy.jsonMembers) { $1 }
        object["etag"] = .string(etag)
        object["createdDateTimeUtc"] = .string(AzureTimestamp.string(createdDateTimeUtc))
        object["lastUpdatedDateTimeUtc"] = .string(AzureTimestamp.string(lastUpdatedDateTimeUtc))
        return .object(object)
    }

    /// Reads the members every enrollment document has besides its id: the attestation, policy,
    /// etag and times.
    static func commonMembers(of json: JSONValue) throws(ProvisioningError) -> (Attestation, EnrollmentPolicy, String, Date, Date) {
        (
            try Attestation(json: json["attestation"] ?? .null), try EnrollmentPolicy(json: json), json["etag"]?.stringValue ?? "",
            json["createdDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date) ?? .distantPast,
            json["lastUpdatedDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date) ?? .distantPast
        )
    }
}

extension IndividualEnrollment {
    /// Azure's `IndividualEnrollment` document, as `az iot dps enrollment show` prints it.
    public var json: JSONValue {
        document([
            "registrationId": .string(registrationId), "deviceId": deviceId.map(JSONValue.string) ?? .null,
            "attestation": attestation.json,
        ])
    }

    /// Reads Azure's document (a REST body, `az ... --from-file`, or the stored record).
    /// - Throws: `argumentInvalid` naming the member.
    public init(json: JSONValue) throws(ProvisioningError) {
        guard let registrationId = json["registrationId"]?.stringValue else {
            throw .argumentInvalid(field: "registrationId", rule: "is required")
        }
        let (attestation, policy, etag, created, updated) = try Self.commonMembers(of: json)
        self.init(
            registrationId: registrationId, deviceId: json["deviceId"]?.stringValue, attestation: attestation, policy: policy,
            etag: etag, createdDateTimeUtc: created, lastUpdatedDateTimeUtc: updated)
    }
}

extension EnrollmentGroup {
    /// Azure's `EnrollmentGroup` document, as `az iot dps enrollment-group show` prints it.
    public var json: JSONValue {
        document(["enrollmentGroupId": .string(enrollmentGroupId), "attestation": attestation.json])
    }

    /// Reads Azure's document.
    /// - Throws: `argumentInvalid` naming the member.
    public init(json: JSONValue) throws(ProvisioningError) {
        guard let id = json["enrollmentGroupId"]?.stringValue else {
            throw .argumentInvalid(field: "enrollmentGroupId", rule: "is required")
        }
        let (attestation, policy, etag, created, updated) = try Self.commonMembers(of: json)
        self.init(
            enrollmentGroupId: id, attestation: attestation, policy: policy, etag: etag, createdDateTimeUtc: created,
            lastUpdatedDateTimeUtc: updated)
    }
}
