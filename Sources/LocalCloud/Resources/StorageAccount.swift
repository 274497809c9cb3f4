import Foundation
import JSONValue
import LabCore

/// A storage account, which the official lab scripts create for routing endpoints and file upload.
///
/// Locally its containers are folders in the workspace (routing writes there, issue 3); here it is
/// the resource and its two access keys.
public struct StorageAccount: Sendable, Equatable {
    public let name: String
    public let resourceGroup: String
    public var location: String
    public var skuName: String
    public var kind: String
    public var keys: [StorageAccountKey]
    public let createdAt: Date

    /// `DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net`.
    public var connectionString: String {
        "DefaultEndpointsProtocol=https;EndpointSuffix=core.windows.net;AccountName=\(name);AccountKey=\(keys.first?.value ?? "")"
    }
}

/// One of a storage account's two keys (`key1`, `key2`), as `az storage account keys list` shows.
public struct StorageAccountKey: Sendable, Equatable {
    public let keyName: String
    public var value: String
    public let createdAt: Date

    public var json: JSONValue {
        [
            "creationTime": .string(AzureTimestamp.string(createdAt)),
            "keyName": .string(keyName),
            "permissions": "FULL",
            "value": .string(value),
        ]
    }
}

extension StorageAccount {
    /// The shape `az storage account show` prints (its commonly read members).
    public func json(in subscription: Subscription) -> JSONValue {
        let endpoint = { (service: String) in JSONValue.string("https://\(name).\(service).core.windows.net/") }
        return [
            "accessTier": "Hot",
            "creationTime": .string(AzureTimestamp.string(createdAt)),
            "id": .string("\(subscription.resourceGroupID(resourceGroup))/providers/Microsoft.Storage/storageAccounts/\(name)"),
            "kind": .string(kind),
            "location": .string(location),
            "minimumTlsVersion": "TLS1_2",
            "name": .string(name),
            "primaryEndpoints": [
                "blob": endpoint("blob"), "dfs": endpoint("dfs"), "file": endpoint("file"),
                "queue": endpoint("queue"), "table": endpoint("table"), "web": endpoint("web"),
            ],
            "primaryLocation": .string(location),
            "provisioningState": "Succeeded",
            "resourceGroup": .string(resourceGroup),
            "sku": ["name": .string(skuName), "tier": .string(skuName.hasPrefix("Premium") ? "Premium" : "Standard")],
            "statusOfPrimary": "available",
            "tags": [:],
            "type": "Microsoft.Storage/storageAccounts",
        ]
    }

    var record: JSONValue {
        [
            "name": .string(name), "resourceGroup": .string(resourceGroup), "location": .string(location),
            "sku": .string(skuName), "kind": .string(kind),
            "keys": .array(keys.map { ["keyName": .string($0.keyName), "value": .string($0.value)] }),
            "createdAt": .double(createdAt.timeIntervalSince1970),
        ]
    }

    init?(record: JSONValue) {
        guard let name = record["name"]?.stringValue,
            let group = record["resourceGroup"]?.stringValue,
            let location = record["location"]?.stringValue,
            let sku = record["sku"]?.stringValue,
            let kind = record["kind"]?.stringValue,
            let created = record["createdAt"]?.doubleValue
        else { return nil }
        let createdAt = Date(timeIntervalSince1970: created)
        let keys = (record["keys"]?.arrayValue ?? []).compactMap { key -> StorageAccountKey? in
            guard let keyName = key["keyName"]?.stringValue, let value = key["value"]?.stringValue else { return nil }
            return StorageAccountKey(keyName: keyName, value: value, createdAt: createdAt)
        }
        self.init(name: name, resourceGroup: group, location: location, skuName: sku, kind: kind, keys: keys, createdAt: createdAt)
    }
}
