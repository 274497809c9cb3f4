import Foundation
import IoTSecurity
import JSONValue
import ProvisioningEngine
import WorkspaceStore

/// How the subscription's resources are laid out in the workspace: scope `cloud`, one collection
/// per resource type, each record the resource's compact JSON keyed by its lower-cased name
/// (Azure resource names are case-insensitive).
struct CloudState {
    static let scope = "cloud"

    enum Collection {
        static let subscription = "subscription"
        static let resourceGroups = "resourceGroups"
        static let hubs = "iotHubs"
        static let storageAccounts = "storageAccounts"
        static let providers = "providers"
        static let extensions = "extensions"
        static let provisioningServices = "provisioningServices"
    }

    var subscription: Subscription
    var groups: [String: ResourceGroup] = [:]
    var hubs: [String: HubResource] = [:]
    var storageAccounts: [String: StorageAccount] = [:]
    var providers: [String: ProviderRegistration] = [:]
    var extensions: [String: CLIExtension] = [:]
    var provisioningServices: [String: ProvisioningServiceResource] = [:]
    var provisioningRecords: [String: ProvisioningRecords] = [:]

    /// Reads every resource, creating the subscription record on first use.
    static func load(from workspace: Workspace) throws -> CloudState {
        let existing = try workspace.read { reader in
            try reader.record(scope: scope, collection: Collection.subscription, key: "default")
        }
        let subscription: Subscription
        if let existing {
            guard let json = try? JSONValue(parsing: existing), let id = json["id"]?.stringValue else {
                throw CloudError.storageFailed(reason: "the stored subscription record cannot be read")
            }
            subscription = Subscription(id: id, displayName: json["displayName"]?.stringValue ?? "iotlab")
        } else {
            subscription = Subscription(id: UUID().uuidString.lowercased(), displayName: "iotlab local subscription")
            let record: JSONValue = ["id": .string(subscription.id), "displayName": .string(subscription.displayName)]
            try workspace.write { writer in
                try writer.put(scope: scope, collection: Collection.subscription, key: "default", body: Data(record.serialized().utf8))
            }
        }
        var state = CloudState(subscription: subscription)
        try workspace.read { reader in
            state.groups = try decode(reader, Collection.resourceGroups, ResourceGroup.init(record:))
            state.hubs = try decode(reader, Collection.hubs, HubResource.init(record:))
            state.storageAccounts = try decode(reader, Collection.storageAccounts, StorageAccount.init(record:))
            state.providers = try decode(reader, Collection.providers) { record in
                record["namespace"]?.stringValue.map { ProviderRegistration(namespace: $0, isRegistered: true) }
            }
            state.extensions = try decode(reader, Collection.extensions) { record in
                guard let name = record["name"]?.stringValue, let version = record["version"]?.stringValue else { return nil }
                return CLIExtension(name: name, version: version)
            }
            state.provisioningServices = try decode(reader, Collection.provisioningServices, ProvisioningServiceResource.init(record:))
            for key in state.provisioningServices.keys {
                state.provisioningRecords[key] = try ProvisioningStorage.records(of: key, in: reader)
            }
        }
        return state
    }

    private static func decode<Resource>(
        _ reader: WorkspaceReader, _ collection: String, _ make: (JSONValue) -> Resource?
    ) throws -> [String: Resource] {
        var resources: [String: Resource] = [:]
        for stored in try reader.records(scope: scope, collection: collection) {
            // A record this version cannot read stops the open rather than silently losing a
            // resource the learner made.
            guard let json = try? JSONValue(parsing: stored.body), let resource = make(json) else {
                throw CloudError.storageFailed(reason: "the stored \(collection) record '\(stored.key)' cannot be read")
            }
            resources[stored.key] = resource
        }
        return resources
    }

    static func key(_ name: String) -> String { name.lowercased() }

    static func body(_ json: JSONValue) -> Data { Data(json.serialized().utf8) }
}

extension LocalCloud {
    /// The hubs stored in a workspace, read without opening their data planes (for `iotlab info`).
    public static func storedHubNames(in workspace: Workspace) throws -> [String] {
        try workspace.read { reader in
            try reader.records(scope: CloudState.scope, collection: CloudState.Collection.hubs).compactMap { stored in
                (try? JSONValue(parsing: stored.body))?["name"]?.stringValue
            }
        }.sorted()
    }
}
