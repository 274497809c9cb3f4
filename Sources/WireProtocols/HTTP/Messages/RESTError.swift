import LabCore

/// What the REST front door itself refuses, before any hub sees the request: a path or method
/// IoT Hub does not serve, a body that is not JSON, a missing `api-version`, a body too large.
///
/// Engine refusals (`HubError`, `DeviceMessagingError`, the authentication failure) pass through
/// unchanged; only these are the front door's own.
enum RESTError: AzureError, Equatable {
    /// 400004: a header, query parameter or body breaks a rule.
    case argumentInvalid(field: String, rule: String)
    /// 404: no IoT Hub REST operation has this path.
    case pathNotFound(path: String)
    /// 405: the path exists but not for this method.
    case methodNotAllowed(method: String, path: String)
    /// 413: the request body is over the front door's limit.
    case requestTooLarge(size: Int, limit: Int)

    var httpStatus: Int {
        switch self {
        case .argumentInvalid: 400
        case .pathNotFound: 404
        case .methodNotAllowed: 405
        case .requestTooLarge: 413
        }
    }

    var errorCode: Int? {
        switch self {
        case .argumentInvalid: 400004
        case .pathNotFound, .methodNotAllowed: nil
        case .requestTooLarge: 413001
        }
    }

    var errorName: String {
        switch self {
        case .argumentInvalid: "ArgumentInvalid"
        case .pathNotFound: "NotFound"
        case .methodNotAllowed: "MethodNotAllowed"
        case .requestTooLarge: "MessageTooLarge"
        }
    }

    var message: String {
        switch self {
        case .argumentInvalid(let field, let rule): "\(field): \(rule)"
        case .pathNotFound(let path): "IoT Hub has no REST operation at \(path)"
        case .methodNotAllowed(let method, let path): "\(path) does not accept \(method)"
        case .requestTooLarge(let size, let limit): "The request body is \(size) bytes; the limit is \(limit) bytes"
        }
    }
}
