import LabCore

/// Why a connection or a request was not authenticated: Azure's `401002 IotHubUnauthorizedAccess`
/// for every cause (MQTT answers CONNACK 5 Not authorized), with a message naming the cause so a
/// learner can tell an expired token from a wrong key or a disabled device.
///
/// Azure itself says only "Unauthorized" on the wire; the lab keeps the reason because finding it
/// is the point of the exercise. See `docs/differences-from-azure.md`.
public struct AuthenticationFailure: AzureError, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var httpStatus: Int { 401 }
    public var errorCode: Int? { 401002 }
    public var errorName: String { "IotHubUnauthorizedAccess" }
}
