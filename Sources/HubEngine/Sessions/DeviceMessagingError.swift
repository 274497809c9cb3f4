import Foundation
import LabCore

/// What the device side of the hub can refuse: sessions, cloud-to-device messages and direct
/// methods, with Azure's HTTP status, error code and name (the REST "common error codes" table).
///
/// Registry facts (an unknown device or module, the basic tier) are `HubError`s; the cases here
/// are the ones only messaging produces, so their text is written once for every front door.
public enum DeviceMessagingError: AzureError, Equatable {
    /// 401002: a disabled device (or a module of one) may not connect or be reached.
    case deviceDisabled(deviceId: String)
    /// 404104: the session was closed (by the device, a takeover, or the device being disabled or deleted).
    case connectionClosed(identity: String)
    /// 403004: the device already has the maximum number of cloud-to-device messages enqueued.
    case maximumQueueDepthExceeded(deviceId: String, limit: Int)
    /// 412002: no message of the device is locked with this token (settled already, or the lock expired).
    case messageLockLost(deviceId: String, lockToken: String)
    /// 413001: a cloud-to-device message or method payload is larger than Azure allows.
    case messageTooLarge(what: String, size: Int, limit: Int)
    /// 404103: the device is not connected and listening for direct methods.
    case deviceNotOnline(identity: String)
    /// 504101: the device did not answer the method within the response timeout.
    case gatewayTimeout(identity: String, methodName: String, timeout: TimeInterval)
    /// 400004: a field of the request breaks a rule.
    case argumentInvalid(field: String, rule: String)

    public var httpStatus: Int {
        switch self {
        case .deviceDisabled: 401
        case .connectionClosed, .deviceNotOnline: 404
        case .maximumQueueDepthExceeded: 403
        case .messageLockLost: 412
        case .messageTooLarge: 413
        case .gatewayTimeout: 504
        case .argumentInvalid: 400
        }
    }

    public var errorCode: Int? {
        switch self {
        case .deviceDisabled: 401002
        case .connectionClosed: 404104
        case .maximumQueueDepthExceeded: 403004
        case .messageLockLost: 412002
        case .messageTooLarge: 413001
        case .deviceNotOnline: 404103
        case .gatewayTimeout: 504101
        case .argumentInvalid: 400004
        }
    }

    public var errorName: String {
        switch self {
        case .deviceDisabled: "IotHubUnauthorizedAccess"
        case .connectionClosed: "DeviceConnectionClosedRemotely"
        case .maximumQueueDepthExceeded: "DeviceMaximumQueueDepthExceeded"
        case .messageLockLost: "DeviceMessageLockLost"
        case .messageTooLarge: "MessageTooLarge"
        case .deviceNotOnline: "DeviceNotOnline"
        case .gatewayTimeout: "GatewayTimeout"
        case .argumentInvalid: "ArgumentInvalid"
        }
    }

    public var message: String {
        switch self {
        case .deviceDisabled(let deviceId):
            "Device \(deviceId) is disabled; enable it before it connects or is sent messages"
        case .connectionClosed(let identity):
            "The connection of \(identity) is closed (its deliveries stream says why); connect again"
        case .maximumQueueDepthExceeded(let deviceId, let limit):
            "Device \(deviceId) already has \(limit) cloud-to-device messages enqueued, the maximum; the device must complete, reject or abandon some, or purge the queue"
        case .messageLockLost(let deviceId, let lockToken):
            "No message of device \(deviceId) is locked with token '\(lockToken)': it was settled already or its lock expired"
        case .messageTooLarge(let what, let size, let limit):
            "\(what) is \(size) bytes; the maximum is \(limit) bytes"
        case .deviceNotOnline(let identity):
            "Timed out waiting for device \(identity) to connect and subscribe to direct methods"
        case .gatewayTimeout(let identity, let methodName, let timeout):
            "Timed out waiting for the response of \(identity) to method '\(methodName)' after \(Int(timeout)) seconds"
        case .argumentInvalid(let field, let rule):
            "\(field): \(rule)"
        }
    }
}
