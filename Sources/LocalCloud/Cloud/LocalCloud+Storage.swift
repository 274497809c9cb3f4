import Foundation
import IoTSecurity
import JSONValue

/// What `az storage account create` asks for.
public struct StorageAccountCreation: Sendable, Equatable {
    public var name: String
    public var resourceGroup: String?
    public var location: String?
    public var skuName: String
    public var kind: String

    public init(name: String, resourceGroup: String? = nil, location: String? = nil, skuName: String = "Standard_RAGRS", kind: String = "StorageV2") {
        self.name = name
        self.resourceGroup = resourceGroup
        self.location = location
        self.skuName = skuName
        self.kind = kind
    }
}

extension LocalCloud {
    /// Creates a storage account with two 64-byte keys, as Azure does.
    public func createStorageAccount(_ request: StorageAccountCreation) throws(CloudError) -> StorageAccount {
        try ResourceNames.validateStorageAccount(request.name)
        let key = CloudState.key(request.name)
        if let existing = storage[key] {
            // `az storage account create` on an existing account in the same group is idempotent.
            guard request.resourceGroup.map({ $0.lowercased() == existing.resourceGroup.lowercased() }) ?? true else {
                throw .storageAccountNameNotAvailable(name: request.name)
            }
            return existing
        }
        let group = try groupForNewResource(request.resourceGroup, location: request.location)
        let now = clock.now()
        let keys = ["key1", "key2"].map {
            StorageAccountKey(keyName: $0, value: SymmetricKey.generate(byteCount: 64).base64, createdAt: now)
        }
        let account = StorageAccount(
            name: request.name, resourceGroup: group.name, location: request.location ?? group.location,
            skuName: request.skuName, kind: request.kind, keys: keys, createdAt: now)
        try persist(event: "StorageAccountCreated", subject: account.name, payload: ["name": .string(account.name), "resourceGroup": .string(group.name)]) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.storageAccounts, key: key, body: CloudState.body(account.record))
        }
        storage[key] = account
        return account
    }

    /// Every storage account, or those of one group.
    public func storageAccounts(resourceGroup: String? = nil) -> [StorageAccount] {
        storage.values
            .filter { account in resourceGroup.map { $0.lowercased() == account.resourceGroup.lowercased() } ?? true }
            .sorted { $0.name < $1.name }
    }

    public func storageAccount(named name: String, resourceGroup: String? = nil) throws(CloudError) -> StorageAccount {
        guard let account = storage[CloudState.key(name)],
            resourceGroup.map({ $0.lowercased() == account.resourceGroup.lowercased() }) ?? true
        else {
            throw .resourceNotFound(type: "Microsoft.Storage/storageAccounts", name: name, resourceGroup: resourceGroup)
        }
        return account
    }
}
