import Foundation
import HubEngine
import JSONValue

/// An IoT hub as Azure Resource Manager describes it: where it lives, its SKU and its policies.
///
/// The data plane (devices, twins, queries) lives in the hub's `IoTHub` engine; this is the
/// resource around it, the document `az iot hub show` prints.
public struct HubResource: Sendable, Equatable {
    public let name: String
    public let resourceGroup: String
    public var location: String
    public var sku: HubSKU
    public var units: Int
    public let partitionCount: Int
    public var retentionDays: Int
    /// The built-in endpoint's consumer groups, `$Default` first.
    public var consumerGroups: [ConsumerGroup]
    /// `properties.cloudToDevice`: default TTL, delivery count and feedback queue settings.
    public var cloudToDevice = CloudToDeviceSettings()
    public var policies: [SharedAccessPolicy]
    public var tags: JSONObject
    public var etag: String
    public let createdAt: Date
    /// `properties.routing`: custom endpoints, routes, the fallback route and enrichments.
    public var routing = RoutingConfiguration()
    /// The storage container for device file uploads and the file-notification settings.
    public var fileUpload = FileUploadSettings()
    /// X.509 CA certificates uploaded for CA-signed devices (`az iot hub certificate`).
    public var certificates: [CACertificate] = []

    /// `NAME.azure-devices.net`, the hostname devices and services address.
    public var hostName: String { "\(name).azure-devices.net" }

    /// The built-in endpoint's settings the hub's data plane works with.
    public var eventHub: EventHubSettings {
        EventHubSettings(partitionCount: partitionCount, retentionDays: retentionDays, consumerGroups: consumerGroups.map(\.name))
    }

    /// A policy by name, as `az iot hub policy show --name` finds it.
    public func policy(named keyName: String) throws(CloudError) -> SharedAccessPolicy {
        guard let policy = policies.first(where: { $0.keyName == keyName }) else {
            throw .policyNotFound(hubName: name, policyName: keyName)
        }
        return policy
    }

    /// `HostName=...;SharedAccessKeyName=...;SharedAccessKey=...`, the service connection string.
    public func connectionString(policyName: String = "iothubowner", keyType: KeyType = .primary) throws(CloudError) -> String {
        try policy(named: policyName).connectionString(hostName: hostName, keyType: keyType)
    }
}
