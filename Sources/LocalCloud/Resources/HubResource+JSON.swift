import Foundation
import HubEngine
import JSONValue
import LabCore

extension HubResource {
    /// The shape `az iot hub show` prints (keys are not included, as in Azure: see `policy list`).
    public func json(in subscription: Subscription) -> JSONValue {
        let partitionIDs = (0..<partitionCount).map { JSONValue.string(String($0)) }
        let properties: JSONValue = [
            "allowedFqdnList": [],
            "authorizationPolicies": nil,
            "cloudToDevice": cloudToDeviceJSON,
            "comments": nil,
            "disableLocalAuth": false,
            "enableFileUploadNotifications": .bool(fileUpload.notificationsEnabled),
            "eventHubEndpoints": [
                "events": [
                    "endpoint": .string("sb://iothub-ns-\(name).servicebus.windows.net/"),
                    "partitionCount": .integer(partitionCount),
                    "partitionIds": .array(partitionIDs),
                    "path": .string(name),
                    "retentionTimeInDays": .integer(retentionDays),
                ]
            ],
            "features": "None",
            "hostName": .string(hostName),
            "ipFilterRules": [],
            "locations": [["location": .string(location), "role": "primary"]],
            "messagingEndpoints": [
                "fileNotifications": [
                    "lockDurationAsIso8601": .string(Self.timedeltaText(fileUpload.notificationLockDuration)),
                    "maxDeliveryCount": .integer(fileUpload.notificationMaxDeliveryCount),
                    "ttlAsIso8601": .string(Self.timedeltaText(fileUpload.notificationTimeToLive)),
                ]
            ],
            "minTlsVersion": nil,
            "privateEndpointConnections": [],
            "provisioningState": "Succeeded",
            "publicNetworkAccess": "Enabled",
            "routing": routing.json(maskingKeys: true),
            "state": "Active",
            "storageEndpoints": [
                "$default": [
                    "connectionString": .string(fileUpload.maskedConnectionString),
                    "containerName": .string(fileUpload.containerName),
                    "sasTtlAsIso8601": .string(Self.timedeltaText(fileUpload.sasTimeToLive)),
                ]
            ],
        ]
        return [
            "etag": .string(etag),
            "id": .string("\(subscription.resourceGroupID(resourceGroup))/providers/Microsoft.Devices/IotHubs/\(name)"),
            "identity": ["principalId": nil, "tenantId": nil, "type": "None", "userAssignedIdentities": nil],
            "location": .string(location),
            "name": .string(name),
            "properties": properties,
            "resourcegroup": .string(resourceGroup),
            "sku": ["capacity": .integer(units), "name": .string(sku.name), "tier": .string(sku.tierName)],
            "subscriptionid": .string(subscription.id),
            "systemData": ["createdAt": .string(AzureTimestamp.string(createdAt))],
            "tags": .object(tags),
            "type": "Microsoft.Devices/IotHubs",
        ]
    }

    var record: JSONValue {
        [
            "name": .string(name), "resourceGroup": .string(resourceGroup), "location": .string(location),
            "sku": .string(sku.name), "units": .integer(units), "partitionCount": .integer(partitionCount),
            "retentionDays": .integer(retentionDays),
            "consumerGroups": .array(consumerGroups.map(\.record)), "policies": .array(policies.map(\.json)),
            "tags": .object(tags), "etag": .string(etag),
            "createdAt": .double(createdAt.timeIntervalSince1970), "routing": routing.json,
            "cloudToDevice": cloudToDevice.json, "certificates": .array(certificates.map(\.record)),
            "fileUpload": fileUpload.json,
        ]
    }

    init?(record: JSONValue) {
        guard let name = record["name"]?.stringValue,
            let group = record["resourceGroup"]?.stringValue,
            let location = record["location"]?.stringValue,
            let skuName = record["sku"]?.stringValue, let sku = try? HubSKU(skuName),
            let units = record["units"]?.integerValue,
            let partitions = record["partitionCount"]?.integerValue,
            let etag = record["etag"]?.stringValue,
            let created = record["createdAt"]?.doubleValue
        else { return nil }
        let createdAt = Date(timeIntervalSince1970: created)
        // Records written before consumer groups were kept hold only the implicit `$Default`.
        let groups = record["consumerGroups"]?.arrayValue?.compactMap(ConsumerGroup.init(record:))
            ?? [ConsumerGroup(name: EventHubSettings.defaultConsumerGroup, created: createdAt)]
        // Records written before the field existed take Azure's defaults; a stored value that
        // does not read makes the whole record unreadable rather than silently reset.
        var cloudToDevice = CloudToDeviceSettings()
        if let stored = record["cloudToDevice"] {
            guard let settings = try? CloudToDeviceSettings(json: stored) else { return nil }
            cloudToDevice = settings
        }
        self.init(
            name: name, resourceGroup: group, location: location, sku: sku, units: units,
            partitionCount: partitions, retentionDays: record["retentionDays"]?.integerValue ?? 1, consumerGroups: groups,
            policies: (record["policies"]?.arrayValue ?? []).compactMap(SharedAccessPolicy.init(json:)),
            tags: record["tags"]?.objectValue ?? [:], etag: etag,
            createdAt: createdAt)
        // Records written before routing existed have none: a new hub's routing.
        routing = record["routing"].flatMap { try? RoutingConfiguration(json: $0) } ?? RoutingConfiguration()
        self.cloudToDevice = cloudToDevice
        // Records written before file upload existed have it unconfigured; a stored value that
        // does not read makes the record unreadable rather than silently reset.
        if let stored = record["fileUpload"] {
            guard let settings = try? FileUploadSettings(json: stored) else { return nil }
            fileUpload = settings
        }
        // Records written before certificates were kept have none.
        certificates = (record["certificates"]?.arrayValue ?? []).compactMap(CACertificate.init(record:))
    }
}
