import IoTQuery
import LabCore

/// Everything a hub operation can refuse, with Azure's HTTP status, code and name.
///
/// Each case carries the facts its message needs; the text is built here once, so the az
/// console, REST and MQTT front doors all say the same thing (STYLE.md, "one error type per engine").
public enum HubError: AzureError, Equatable {
    /// 404001: no device with this id is registered.
    case deviceNotFound(deviceId: String)
    /// 404010: the device has no module with this id.
    case moduleNotFound(deviceId: String, moduleId: String)
    /// 409001: the id is taken.
    case deviceAlreadyExists(deviceId: String)
    /// 409301: the device already has a module with this id.
    case moduleAlreadyExists(deviceId: String, moduleId: String)
    /// 412001: the If-Match etag is not the resource's current etag.
    case preconditionFailed(resource: String, expected: String, actual: String)
    /// 400004: a field of the request breaks a rule.
    case argumentInvalid(field: String, rule: String)
    /// 403002: the hub already holds as many devices as its tier allows (F1: 500).
    case deviceQuotaExceeded(hubName: String, limit: Int, current: Int)
    /// 403010: the operation needs the standard tier (twins, modules, edge, queries on B1/B2/B3).
    case operationNotAvailableInCurrentTier(operation: String, skuName: String)
    /// A query that does not parse; status, code and text come from IoTQuery.
    case invalidQuery(QueryError)
    /// 500001: the workspace could not be written; nothing was changed.
    case storeFailure(String)
    /// 429 or 403002: an operation throttle or the daily message quota refused the operation;
    /// status, code and text are the `QuotaError`'s, so every front door says what ingest says.
    case quota(QuotaError)
    /// A device asked for an eleventh file upload while ten were still open.
    case tooManyActiveFileUploads(deviceId: String, limit: Int)

    public var httpStatus: Int {
        switch self {
        case .deviceNotFound, .moduleNotFound: 404
        case .deviceAlreadyExists, .moduleAlreadyExists: 409
        case .preconditionFailed: 412
        case .argumentInvalid: 400
        case .deviceQuotaExceeded, .operationNotAvailableInCurrentTier, .tooManyActiveFileUploads: 403
        case .invalidQuery(let error): error.httpStatus
        case .storeFailure: 500
        case .quota(let error): error.httpStatus
        }
    }

    public var errorCode: Int? {
        switch self {
        case .deviceNotFound: 404001
        case .moduleNotFound: 404010
        case .deviceAlreadyExists: 409001
        case .moduleAlreadyExists: 409301
        case .preconditionFailed: 412001
        case .argumentInvalid: 400004
        case .deviceQuotaExceeded: 403002
        case .operationNotAvailableInCurrentTier: 403010
        case .tooManyActiveFileUploads: 403006
        case .invalidQuery(let error): error.errorCode
        case .storeFailure: 500001
        case .quota(let error): error.errorCode
        }
    }

    public var errorName: String {
        switch self {
        case .deviceNotFound: "DeviceNotFound"
        case .moduleNotFound: "ModuleNotFound"
        case .deviceAlreadyExists: "DeviceAlreadyExists"
        case .moduleAlreadyExists: "ModuleAlreadyExistsOnDevice"
        case .preconditionFailed: "PreconditionFailed"
        case .argumentInvalid: "ArgumentInvalid"
        case .deviceQuotaExceeded: "IotHubQuotaExceeded"
        case .operationNotAvailableInCurrentTier: "OperationNotAvailableInCurrentTier"
        case .tooManyActiveFileUploads: "DeviceMaximumActiveFileUploadLimitExceeded"
        case .invalidQuery(let error): error.errorName
        case .storeFailure: "ServerError"
        case .quota(let error): error.errorName
        }
    }

    public var message: String {
        switch self {
        case .deviceNotFound(let deviceId):
            "Device \(deviceId) not registered"
        case .moduleNotFound(let deviceId, let moduleId):
            "Module \(moduleId) on device \(deviceId) not registered"
        case .deviceAlreadyExists(let deviceId):
            "A device with ID '\(deviceId)' is already registered"
        case .moduleAlreadyExists(let deviceId, let moduleId):
            "A module with ID '\(moduleId)' is already registered on device '\(deviceId)'"
        case .preconditionFailed(let resource, let expected, let actual):
            "The etag '\(expected)' in If-Match does not match the current etag '\(actual)' of \(resource); read it again and retry"
        case .argumentInvalid(let field, let rule):
            "\(field): \(rule)"
        case .deviceQuotaExceeded(let hubName, let limit, let current):
            "Total number of devices on IotHub '\(hubName)' exceeded the allocated quota. Max allowed device count: \(limit), current device count: \(current). Use a paid tier to register more devices"
        case .operationNotAvailableInCurrentTier(let operation, let skuName):
            "\(operation) is not available in the \(skuName) tier; it needs a standard tier (S1, S2 or S3) or the free tier"
        case .invalidQuery(let error):
            error.message
        case .storeFailure(let reason):
            "The workspace could not be written, so nothing was changed: \(reason)"
        case .quota(let error):
            error.message
        case .tooManyActiveFileUploads(let deviceId, let limit):
            "Device \(deviceId) already has \(limit) file uploads open; complete one (notify the hub) or wait for its SAS URI to expire"
        }
    }
}
