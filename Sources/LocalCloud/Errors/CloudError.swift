import HubEngine
import LabCore
import ProvisioningEngine

/// What Azure Resource Manager and the IoT Hub resource provider refuse, with their codes.
public enum CloudError: AzureError, Equatable {
    case resourceGroupNotFound(name: String)
    case resourceNotFound(type: String, name: String, resourceGroup: String?)
    case hubNameNotAvailable(name: String)
    case storageAccountNameNotAvailable(name: String)
    case freeHubLimitExceeded(current: Int)
    case hubLimitExceeded(maximum: Int)
    case argumentInvalid(field: String, rule: String)
    case ambiguousResource(type: String, name: String, resourceGroups: [String])
    case skuChangeNotAllowed(from: String, to: String)
    case policyNotFound(hubName: String, policyName: String)
    case engineUnavailable(hubName: String, reason: String)
    case storageFailed(reason: String)
    /// The built-in Event Hub-compatible endpoint refused a setting or a consumer group change.
    case eventHubEndpoint(EndpointError)
    case certificateNotFound(hubName: String, name: String)
    /// An `--etag` (If-Match) that is not the resource's current one.
    case preconditionFailed(resource: String, etag: String)
    /// A DPS name already used in the subscription.
    case provisioningServiceNameNotAvailable(name: String)
    /// The Device Provisioning Service refused an enrollment, registration or certificate change.
    case provisioning(ProvisioningError)

    public var httpStatus: Int {
        switch self {
        case .resourceGroupNotFound, .resourceNotFound, .policyNotFound, .certificateNotFound: 404
        case .preconditionFailed: 412
        case .eventHubEndpoint(let error): error.httpStatus
        case .provisioning(let error): error.httpStatus
        case .provisioningServiceNameNotAvailable: 409
        case .hubNameNotAvailable, .storageAccountNameNotAvailable, .ambiguousResource: 409
        case .freeHubLimitExceeded, .hubLimitExceeded, .argumentInvalid, .skuChangeNotAllowed: 400
        case .engineUnavailable, .storageFailed: 500
        }
    }

    public var errorCode: Int? {
        switch self {
        case .freeHubLimitExceeded: 400019
        case .hubLimitExceeded: 400020
        case .argumentInvalid: 400004
        case .hubNameNotAvailable: 409000
        case .skuChangeNotAllowed: 400060
        case .policyNotFound: 404000
        case .engineUnavailable, .storageFailed: 500001
        case .provisioning(let error): error.errorCode
        default: nil
        }
    }

    public var errorName: String {
        switch self {
        case .resourceGroupNotFound: "ResourceGroupNotFound"
        case .resourceNotFound: "ResourceNotFound"
        case .hubNameNotAvailable: "IotHubNameNotAvailable"
        case .storageAccountNameNotAvailable: "StorageAccountAlreadyTaken"
        case .freeHubLimitExceeded, .hubLimitExceeded: "IotHubQuotaExceeded"
        case .argumentInvalid: "ArgumentInvalid"
        case .ambiguousResource: "AmbiguousResource"
        case .skuChangeNotAllowed: "InvalidSkuUpdate"
        case .policyNotFound: "KeyNameNotFound"
        case .certificateNotFound: "CertificateNotFound"
        case .preconditionFailed: "PreconditionFailed"
        case .engineUnavailable, .storageFailed: "ServerError"
        case .eventHubEndpoint(let error): error.errorName
        case .provisioningServiceNameNotAvailable: "ProvisioningServiceNameNotAvailable"
        case .provisioning(let error): error.errorName
        }
    }

    public var message: String {
        switch self {
        case .resourceGroupNotFound(let name):
            "Resource group '\(name)' could not be found."
        case .resourceNotFound(let type, let name, let group):
            if let group {
                "The Resource '\(type)/\(name)' under resource group '\(group)' was not found."
            } else {
                "The Resource '\(type)/\(name)' was not found in the subscription."
            }
        case .hubNameNotAvailable(let name):
            "IotHub name '\(name)' is not available"
        case .storageAccountNameNotAvailable(let name):
            "The storage account named \(name) is already taken."
        case .freeHubLimitExceeded(let current):
            "Max number of Iot Hubs exceeded for sku = Free, Max Allowed = 1, Current = \(current) in the subscription."
        case .hubLimitExceeded(let maximum):
            "Max number of Iot Hubs exceeded for the subscription, Max Allowed = \(maximum)."
        case .argumentInvalid(let field, let rule):
            "\(field): \(rule)"
        case .ambiguousResource(let type, let name, let groups):
            "More than one \(type) named '\(name)' exists (resource groups: \(groups.joined(separator: ", "))); name the resource group with --resource-group."
        case .skuChangeNotAllowed(let from, let to):
            "The SKU of an IoT hub cannot change from \(from) to \(to): a free hub cannot be scaled, and a standard hub cannot be downgraded to basic."
        case .policyNotFound(let hub, let policy):
            "No shared access policy named '\(policy)' on IoT hub '\(hub)'."
        case .engineUnavailable(let hub, let reason):
            "The data plane of IoT hub '\(hub)' could not be opened: \(reason)"
        case .storageFailed(let reason):
            "The workspace could not record the change, so nothing was changed: \(reason)"
        case .eventHubEndpoint(let error):
            error.message
        case .certificateNotFound(let hub, let name):
            "No certificate named '\(name)' on IoT hub '\(hub)'."
        case .preconditionFailed(let resource, let etag):
            "The etag '\(etag)' does not match the current etag of \(resource); show it again and retry with the new --etag."
        case .provisioningServiceNameNotAvailable(let name):
            "Provisioning service name '\(name)' is not available"
        case .provisioning(let error):
            error.message
        }
    }
}
