import LabCore

/// What the Device Provisioning Service refuses, with DPS's status and six-digit codes.
///
/// A device never learns more than `401002 Unauthorized` about why its attestation failed, as in
/// Azure; the reason is kept for the journal's decision trace (`reason`), which only the learner
/// reads.
public enum ProvisioningError: AzureError, Equatable {
    /// Bad key, unknown registration, wrong scope, untrusted certificate, disabled group.
    case unauthorized(reason: String)
    /// The first leg of TPM attestation: the device must decrypt `authenticationKey` with its
    /// endorsement key and come back with a SAS token signed with it (401, as DPS answers).
    case tpmChallenge(authenticationKey: String)
    case argumentInvalid(field: String, rule: String)
    case enrollmentNotFound(registrationId: String)
    case enrollmentGroupNotFound(enrollmentGroupId: String)
    case registrationNotFound(registrationId: String)
    case operationNotFound(operationId: String)
    case conflict(resource: String)
    case preconditionFailed(resource: String, etag: String)
    /// A custom allocation function failed, timed out or answered something unusable (400209).
    case customAllocationFailed(reason: String)
    /// No linked hub could take the device (no hub linked, none allowed by the enrollment...).
    case noHubAvailable(reason: String)
    /// The assigned hub refused the device (quota, throttling...).
    case hubAssignmentFailed(hostName: String, reason: String)

    public var httpStatus: Int {
        switch self {
        case .unauthorized, .tpmChallenge: 401
        case .argumentInvalid, .customAllocationFailed, .noHubAvailable, .hubAssignmentFailed: 400
        case .enrollmentNotFound, .enrollmentGroupNotFound, .registrationNotFound, .operationNotFound: 404
        case .conflict: 409
        case .preconditionFailed: 412
        }
    }

    public var errorCode: Int? {
        switch self {
        case .unauthorized, .tpmChallenge: 401002
        case .argumentInvalid: 400004
        case .enrollmentNotFound, .enrollmentGroupNotFound, .registrationNotFound, .operationNotFound: 404001
        case .conflict: 409001
        case .preconditionFailed: 412002
        case .customAllocationFailed: 400209
        case .noHubAvailable: 400208
        case .hubAssignmentFailed: 400207
        }
    }

    public var errorName: String {
        switch self {
        case .unauthorized, .tpmChallenge: "Unauthorized"
        case .argumentInvalid: "ArgumentInvalid"
        case .enrollmentNotFound: "EnrollmentNotFound"
        case .enrollmentGroupNotFound: "EnrollmentGroupNotFound"
        case .registrationNotFound: "DeviceRegistrationNotFound"
        case .operationNotFound: "OperationNotFound"
        case .conflict: "Conflict"
        case .preconditionFailed: "PreconditionFailed"
        case .customAllocationFailed: "CustomAllocationFailed"
        case .noHubAvailable: "NoIotHubAvailable"
        case .hubAssignmentFailed: "IotHubAssignmentFailed"
        }
    }

    /// What the device (or az) is told. An attestation refusal says only `Unauthorized`, as DPS.
    public var message: String {
        switch self {
        case .unauthorized, .tpmChallenge: "Unauthorized"
        case .argumentInvalid(let field, let rule): "\(field): \(rule)"
        case .enrollmentNotFound(let id): "No individual enrollment with registration id '\(id)'."
        case .enrollmentGroupNotFound(let id): "No enrollment group with id '\(id)'."
        case .registrationNotFound(let id): "No device registration record for registration id '\(id)'."
        case .operationNotFound(let id): "No registration operation with id '\(id)'."
        case .conflict(let resource): "\(resource) already exists."
        case .preconditionFailed(let resource, let etag):
            "The etag '\(etag)' does not match the current etag of \(resource); show it again and retry with the new etag."
        case .customAllocationFailed(let reason): "Custom allocation failed: \(reason)"
        case .noHubAvailable(let reason): "No IoT hub could be assigned: \(reason)"
        case .hubAssignmentFailed(let host, let reason): "IoT hub \(host) refused the device: \(reason)"
        }
    }

    /// Why, in full, for the decision trace: the hidden reason of an attestation refusal.
    public var reason: String {
        switch self {
        case .unauthorized(let reason): reason
        case .tpmChallenge: "TPM attestation: nonce challenge sent, encrypted to the endorsement key"
        default: message
        }
    }
}
