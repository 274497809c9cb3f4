import Foundation
import JSONValue
import LabCore

/// Where a registration stands (`status`).
public enum RegistrationStatus: String, Sendable, CaseIterable {
    case unassigned, assigning, assigned, failed, disabled
}

/// How the last assignment came about (`substatus`).
public enum RegistrationSubstatus: String, Sendable, CaseIterable {
    case initialAssignment, deviceDataMigrated, deviceDataReset, reprovisionedToInitialAssignment
}

/// A device's registration record (`az iot dps registration show`), and the `registrationState`
/// the device reads when its registration completes.
public struct DeviceRegistrationState: Sendable, Equatable {
    public let registrationId: String
    public var createdDateTimeUtc: Date
    /// The hub host name, e.g. `my-hub.azure-devices.net`.
    public var assignedHub: String?
    public var deviceId: String?
    public var status: RegistrationStatus
    public var substatus: RegistrationSubstatus?
    public var lastUpdatedDateTimeUtc: Date
    public var etag: String
    public var errorCode: Int?
    public var errorMessage: String?
    /// The custom allocation function's `payload`, handed back to the device.
    public var payload: JSONValue?
    /// The enrollment group that admitted the device; `nil` for an individual enrollment.
    public var enrollmentGroupId: String?
    /// The attestation the device used (`symmetricKey`, `x509`, `tpm`).
    public var attestationType: String

    public init(
        registrationId: String, createdDateTimeUtc: Date, assignedHub: String? = nil, deviceId: String? = nil,
        status: RegistrationStatus, substatus: RegistrationSubstatus? = nil, lastUpdatedDateTimeUtc: Date, etag: String,
        errorCode: Int? = nil, errorMessage: String? = nil, payload: JSONValue? = nil, enrollmentGroupId: String? = nil,
        attestationType: String
    ) {
        self.registrationId = registrationId
        self.createdDateTimeUtc = createdDateTimeUtc
        self.assignedHub = assignedHub
        self.deviceId = deviceId
        self.status = status
        self.substatus = substatus
        self.lastUpdatedDateTimeUtc = lastUpdatedDateTimeUtc
        self.etag = etag
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.payload = payload
        self.enrollmentGroupId = enrollmentGroupId
        self.attestationType = attestationType
    }

    /// Azure's `DeviceRegistrationState`: what the device SDKs read (`deviceId`, `assignedHub`,
    /// `substatus`, times, `etag`, `payload`) and what `az iot dps registration show` prints.
    /// Absent members are left out, as the service does.
    public var json: JSONValue {
        var object: JSONObject = [
            "registrationId": .string(registrationId),
            "createdDateTimeUtc": .string(AzureTimestamp.string(createdDateTimeUtc)),
        ]
        if let assignedHub { object["assignedHub"] = .string(assignedHub) }
        if let deviceId { object["deviceId"] = .string(deviceId) }
        object["status"] = .string(status.rawValue)
        if let substatus { object["substatus"] = .string(substatus.rawValue) }
        if let errorCode { object["errorCode"] = .integer(errorCode) }
        if let errorMessage { object["errorMessage"] = .string(errorMessage) }
        object["lastUpdatedDateTimeUtc"] = .string(AzureTimestamp.string(lastUpdatedDateTimeUtc))
        object["etag"] = .string(etag)
        if let payload { object["payload"] = payload }
        return .object(object)
    }
}

/// One register call as the device polls it: `assigning` first, then the outcome.
public struct RegistrationOperation: Sendable, Equatable {
    /// `4.{16 hex}.{uuid}`, the shape DPS hands out.
    public let operationId: String
    /// `assigning`, `assigned`, `failed` or `disabled`.
    public var status: RegistrationStatus
    public var registrationState: DeviceRegistrationState?

    public init(operationId: String, status: RegistrationStatus, registrationState: DeviceRegistrationState?) {
        self.operationId = operationId
        self.status = status
        self.registrationState = registrationState
    }

    /// `{"operationId": ..., "status": ..., "registrationState": {...}}`, the body of the answer.
    public var json: JSONValue {
        var object: JSONObject = ["operationId": .string(operationId), "status": .string(status.rawValue)]
        if let registrationState { object["registrationState"] = registrationState.json }
        return .object(object)
    }
}

extension DeviceRegistrationState {
    /// The stored form: Azure's document plus what only iotlab needs to read it back.
    public var record: JSONValue {
        guard case .object(var object) = json else { return json }
        object["enrollmentGroupId"] = enrollmentGroupId.map(JSONValue.string) ?? .null
        object["attestationType"] = .string(attestationType)
        return .object(object)
    }

    /// Reads ``record``; `nil` when a required member is missing.
    public init?(record: JSONValue) {
        guard let id = record["registrationId"]?.stringValue,
              let created = record["createdDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date),
              let updated = record["lastUpdatedDateTimeUtc"]?.stringValue.flatMap(AzureTimestamp.date),
              let status = record["status"]?.stringValue.flatMap(RegistrationStatus.init(rawValue:)),
              let etag = record["etag"]?.stringValue
        else { return nil }
        self.init(
            registrationId: id, createdDateTimeUtc: created, assignedHub: record["assignedHub"]?.stringValue,
            deviceId: record["deviceId"]?.stringValue, status: status,
            substatus: record["substatus"]?.stringValue.flatMap(RegistrationSubstatus.init(rawValue:)),
            lastUpdatedDateTimeUtc: updated, etag: etag, errorCode: record["errorCode"]?.integerValue,
            errorMessage: record["errorMessage"]?.stringValue, payload: record["payload"],
            enrollmentGroupId: record["enrollmentGroupId"]?.stringValue,
            attestationType: record["attestationType"]?.stringValue ?? "symmetricKey")
    }
}
