import Foundation
import JSONValue
import LabCore
import ProvisioningEngine

/// One answer of the DPS device API, the same over MQTT (the status goes into the response
/// topic) and HTTPS (the status line and `Retry-After`): a status, a JSON body, and how many
/// whole seconds to wait before asking again.
struct ProvisioningAnswer: Sendable, Equatable {
    let status: Int
    let body: JSONValue
    let retryAfterSeconds: Int?

    /// How long a device waits before polling an operation still `assigning`. An integer, as the
    /// Python SDK parses it with `int(x, 10)` (reference §6).
    static let pollSeconds = 1

    /// 202 `{"operationId", "status": "assigning"}` while the decision is being reported, 200 with
    /// the registration state once it is `assigned` (or `failed`, which the SDK raises on).
    init(_ operation: RegistrationOperation) {
        let assigning = operation.status == .assigning
        status = assigning ? 202 : 200
        body = operation.json
        retryAfterSeconds = assigning ? Self.pollSeconds : nil
    }

    /// DPS's error body (`ProvisioningServiceErrorDetails`): `errorCode`, `trackingId`, `message`,
    /// `timestampUtc`; throttling (429) says when to retry, which the SDK honours.
    init(_ error: any AzureError, at now: Date) {
        status = error.httpStatus
        var body: JSONObject = [
            "errorCode": .integer(error.errorCode ?? error.httpStatus * 1000),
            "trackingId": .string(UUID().uuidString.lowercased()),
            "message": .string(error.message),
            "timestampUtc": .string(AzureTimestamp.string(now)),
        ]
        if case .tpmChallenge(let key)? = error as? ProvisioningError {
            // The first leg of TPM attestation: the nonce, encrypted to the endorsement key.
            body = ["authenticationKey": .string(key)]
        }
        self.body = .object(body)
        retryAfterSeconds = error.httpStatus == 429 ? Self.pollSeconds : nil
    }
}
