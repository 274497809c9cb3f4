import JSONValue
import WorkspaceStore

/// A DPS instance as `iotlab info` lists it: its name and ID scope.
public struct StoredProvisioningService: Sendable, Equatable {
    public let name: String
    public let idScope: String
}

extension LocalCloud {
    /// The DPS instances stored in a workspace, by name, read without loading the cloud (for
    /// `iotlab info`), as ``storedHubNames(in:)`` reads hubs.
    public static func storedProvisioningServices(in workspace: Workspace) throws -> [StoredProvisioningService] {
        try workspace.read { reader in
            try reader.records(scope: CloudState.scope, collection: CloudState.Collection.provisioningServices).compactMap { stored in
                let record = try? JSONValue(parsing: stored.body)
                guard let name = record?["name"]?.stringValue, let scope = record?["idScope"]?.stringValue else { return nil }
                return StoredProvisioningService(name: name, idScope: scope)
            }
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
