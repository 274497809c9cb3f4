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

extension IndividualEnrollment {
    /// Azure's `IndividualEnrollment` document, as `az iot dps enrollment show` prints it.
    public var json: JSONValue {
        var object: JSONObject = [
            "registrationId": .string(registrationId),
            "deviceId": deviceId.map(JSONValue.string) ?? .null,
            "attestation": attestation.json,
        ]
        object.merge(policy.jsonMembers) { $1 }
        object["etag"] = .string(etag)
        object["createdDateTimeUtc"] = .string(AzureTimestamp.string(createdDateTimeUtc))
        object["lastUpdatedDateTimeUtc"] = .string(AzureTimestamp.string(lastUpdatedDateTimeUtc))
        return .object(object)
    }

    /// Reads Azure's document (a REST body, `az ... --from-file`, or the stored record).
    /// - Throws: `argumentInvalid` naming the member.
    public init(json: JSONValue) throws(ProvisioningError) {
        guard let registrationId = json["registrationId"]?.stringValue else {
            throw .argumentInvalid(field: "registrationId", rule: "is required")
        }
        try self.init(
            registrationId: registrationId, deviceId: json["deviceId"]?.stringValue,
            attestation: Attestation(json: json["attestation"] ?? .null), policy: EnrollmentPolicy(json: json),
            etag: json["etag"]?.stringValue ?? "",
            createdDateTimeUtc: json["createdDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date) ?? .distantPast,
            lastUpdatedDateTimeUtc: json["lastUpdatedDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date) ?? .distantPast)
    }
}

extension EnrollmentGroup {
    /// Azure's `EnrollmentGroup` document, as `az iot dps enrollment-group show` prints it.
    public var json: JSONValue {
        var object: JSONObject = ["enrollmentGroupId": .string(enrollmentGroupId), "attestation": attestation.json]
        object.merge(policy.jsonMembers) { $1 }
        object["etag"] = .string(etag)
        object["createdDateTimeUtc"] = .string(AzureTimestamp.string(createdDateTimeUtc))
        object["lastUpdatedDateTimeUtc"] = .string(AzureTimestamp.string(lastUpdatedDateTimeUtc))
        return .object(object)
    }

    /// Reads Azure's document.
    /// - Throws: `argumentInvalid` naming the member.
    public init(json: JSONValue) throws(ProvisioningError) {
        guard let id = json["enrollmentGroupId"]?.stringValue else {
            throw .argumentInvalid(field: "enrollmentGroupId", rule: "is required")
        }
        try self.init(
            enrollmentGroupId: id, attestation: Attestation(json: json["attestation"] ?? .null), policy: EnrollmentPolicy(json: json),
            etag: json["etag"]?.stringValue ?? "",
            createdDateTimeUtc: json["createdDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date) ?? .distantPast,
            lastUpdatedDateTimeUtc: json["lastUpdatedDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date) ?? .distantPast)
    }
}
