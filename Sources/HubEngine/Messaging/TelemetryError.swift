import LabCore

/// Why the hub refused a device-to-cloud message for a reason of its own (quota and throttling
/// refusals are `QuotaError`, unknown senders `HubError`).
public enum TelemetryError: AzureError, Equatable {
    /// 413002: the message, with the enrichments of an endpoint it is routed to, is larger than
    /// IoT Hub's 256 KB device-to-cloud limit.
    case messageTooLarge(size: Int, limit: Int, endpoint: String?)
    /// 401002: the sender's identity is disabled; Azure refuses its connection and messages.
    case identityDisabled(key: String)

    public var httpStatus: Int {
        switch self {
        case .messageTooLarge: 413
        case .identityDisabled: 401
        }
    }

    public var errorCode: Int? {
        switch self {
        case .messageTooLarge: 413002
        case .identityDisabled: 401002
        }
    }

    public var errorName: String {
        switch self {
        case .messageTooLarge: "MessageTooLarge"
        case .identityDisabled: "IotHubUnauthorizedAccess"
        }
    }

    public var message: String {
        switch self {
        case .messageTooLarge(let size, let limit, let endpoint?):
            "Message size \(size) bytes, including the enrichments of endpoint '\(endpoint)', exceeds the maximum of \(limit) bytes"
        case .messageTooLarge(let size, let limit, nil):
            "Message size \(size) bytes exceeds the maximum of \(limit) bytes"
        case .identityDisabled(let key):
            "Unauthorized: '\(key)' is disabled"
        }
    }
}
