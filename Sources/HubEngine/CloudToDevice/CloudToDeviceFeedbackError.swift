import LabCore

/// Why the service could not settle a feedback batch.
public enum CloudToDeviceFeedbackError: AzureError, Equatable {
    /// The lock token names no batch locked now: unknown, already settled, or its lock lapsed
    /// (the records were then offered again under a new token).
    case lockLost(lockToken: String)

    public var httpStatus: Int { 412 }
    public var errorCode: Int? { 412002 }
    public var errorName: String { "DeviceMessageLockLost" }

    public var message: String {
        switch self {
        case .lockLost(let lockToken):
            "The feedback lock token \(lockToken) is not held: it is unknown, already completed or abandoned, or its lock expired."
        }
    }
}
