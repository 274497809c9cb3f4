import LabCore

/// Why an endpoint, the built-in Event Hub-compatible endpoint's settings or a reader refused
/// something, with Azure's status, code and name.
///
/// The text is built here once so the az console, `iotlab endpoint read` and the engine say the same.
public enum EndpointError: AzureError, Equatable {
    /// 400: a setting of the built-in endpoint is outside Azure's range; names the field and the rule.
    case invalidEventHubSetting(field: String, rule: String)
    /// 400: a consumer group name breaks Azure's rules (1–50 letters, digits, `.`, `_`, `-`).
    case invalidConsumerGroupName(name: String)
    /// 409: a consumer group of that name already exists on the hub.
    case consumerGroupAlreadyExists(name: String)
    /// 404: no consumer group of that name on the hub.
    case consumerGroupNotFound(name: String)
    /// 400: `$Default` exists on every hub and cannot be deleted.
    case defaultConsumerGroupUndeletable
    /// 400: the hub already has as many consumer groups as its tier allows.
    case consumerGroupLimitExceeded(limit: Int)
    /// 400: a routed message names an endpoint the hub's routing does not define.
    case endpointNotFound(name: String)
    /// 500: a stored event could not be decoded (the workspace was written by something else).
    case undecodableEvent(stream: String, partition: Int, sequenceNumber: Int64, reason: String)

    public var httpStatus: Int {
        switch self {
        case .invalidEventHubSetting, .invalidConsumerGroupName, .defaultConsumerGroupUndeletable,
            .consumerGroupLimitExceeded, .endpointNotFound:
            400
        case .consumerGroupAlreadyExists: 409
        case .consumerGroupNotFound: 404
        case .undecodableEvent: 500
        }
    }

    /// Resource Manager errors (settings, consumer groups) carry no numeric code; the data-plane
    /// ones use IoT Hub's six-digit codes.
    public var errorCode: Int? {
        switch self {
        case .invalidEventHubSetting, .invalidConsumerGroupName, .consumerGroupAlreadyExists, .consumerGroupNotFound,
            .defaultConsumerGroupUndeletable, .consumerGroupLimitExceeded:
            nil
        case .endpointNotFound: 400001
        case .undecodableEvent: 500001
        }
    }

    public var errorName: String {
        switch self {
        case .invalidEventHubSetting: "InvalidEventHubSetting"
        case .invalidConsumerGroupName: "InvalidConsumerGroupName"
        case .consumerGroupAlreadyExists: "Conflict"
        case .consumerGroupNotFound: "NotFound"
        case .defaultConsumerGroupUndeletable: "BadRequest"
        case .consumerGroupLimitExceeded: "MaxConsumerGroupsExceeded"
        case .endpointNotFound: "ArgumentInvalid"
        case .undecodableEvent: "ServerError"
        }
    }

    public var message: String {
        switch self {
        case .invalidEventHubSetting(let field, let rule):
            "\(field) is invalid: \(rule)"
        case .invalidConsumerGroupName(let name):
            "Consumer group name '\(name)' is invalid: use 1 to 50 characters among letters, digits, '.', '_' and '-', starting and ending with a letter or digit"
        case .consumerGroupAlreadyExists(let name):
            "Consumer group '\(name)' already exists"
        case .consumerGroupNotFound(let name):
            "Consumer group '\(name)' not found"
        case .defaultConsumerGroupUndeletable:
            "The consumer group '$Default' cannot be deleted"
        case .consumerGroupLimitExceeded(let limit):
            "The hub already has the maximum of \(limit) consumer groups on its events endpoint"
        case .endpointNotFound(let name):
            "Endpoint '\(name)' is not defined in the hub's routing"
        case .undecodableEvent(let stream, let partition, let sequenceNumber, let reason):
            "Event \(sequenceNumber) of \(stream) partition \(partition) cannot be read: \(reason)"
        }
    }
}
