import LabCore

/// Why the hub refused an operation for quota or throttling, with Azure's status, code and name.
///
/// The text is built here once so every front door (REST, MQTT, the az console) says the same.
public enum QuotaError: AzureError, Equatable {
    /// 403002: the daily message quota is used up; operations are blocked until 00:00 UTC.
    case iotHubQuotaExceeded(hubName: String, limit: Int, current: Int)
    /// 429001: one request costs more than the throttle could ever admit, even with its burst and
    /// backlog empty, so retrying the same request cannot succeed.
    case throttlingException(operation: HubOperation, limit: ThrottleLimit, cost: Int, capacity: Int)
    /// 429002: the throttle's backlog (the traffic-shaping queue) is full. Azure answers this once
    /// shaping can absorb no more; the SDKs surface every 429 as a throttling exception.
    case throttleBacklogLimitExceeded(operation: HubOperation, limit: ThrottleLimit, backlog: Int, retryAfterSeconds: Int)

    public var httpStatus: Int {
        switch self {
        case .iotHubQuotaExceeded: 403
        case .throttlingException, .throttleBacklogLimitExceeded: 429
        }
    }

    public var errorCode: Int? {
        switch self {
        case .iotHubQuotaExceeded: 403002
        case .throttlingException: 429001
        case .throttleBacklogLimitExceeded: 429002
        }
    }

    public var errorName: String {
        switch self {
        case .iotHubQuotaExceeded: "IotHubQuotaExceeded"
        case .throttlingException: "ThrottlingException"
        case .throttleBacklogLimitExceeded: "ThrottleBacklogLimitExceeded"
        }
    }

    public var message: String {
        switch self {
        case .iotHubQuotaExceeded(let hubName, let limit, let current):
            "Total number of messages on IotHub '\(hubName)' exceeded the allocated quota. Max allowed message count: '\(limit)', current message count: '\(current)'. Send and Receive operations are blocked for this hub until the next UTC day. Consider increasing the units for this hub to increase the quota"
        case .throttlingException(let operation, let limit, let cost, let capacity):
            "The request has been throttled: it costs \(cost) against the \(operation.throttleName) throttle of \(limit), which holds at most \(capacity) in its burst and backlog together. Send smaller requests"
        case .throttleBacklogLimitExceeded(let operation, let limit, let backlog, let retryAfterSeconds):
            "The request has been throttled: \(operation.throttleName) are limited to \(limit) and the backlog of \(backlog) waiting \(limit.costUnit) is full. Wait \(retryAfterSeconds) seconds and try again"
        }
    }
}
