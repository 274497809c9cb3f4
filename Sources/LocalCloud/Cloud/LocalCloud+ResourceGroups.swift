import JSONValue

extension LocalCloud {
    /// Creates a resource group, or updates its tags when it exists (as `az group create` does).
    public func createResourceGroup(name: String, location: String, tags: JSONObject = [:]) throws(CloudError) -> ResourceGroup {
        try ResourceNames.validateResourceGroup(name)
        let key = CloudState.key(name)
        var group = groups[key] ?? ResourceGroup(name: name, location: location, tags: tags)
        group.tags = tags
        try persist(event: "ResourceGroupCreated", subject: group.name, payload: group.record) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.resourceGroups, key: key, body: CloudState.body(group.record))
        }
        groups[key] = group
        return group
    }

    /// Whether a group exists, as `az group exists` answers (`true`/`false`).
    public func resourceGroupExists(_ name: String) -> Bool {
        groups[CloudState.key(name)] != nil
    }

    public func resourceGroup(named name: String) throws(CloudError) -> ResourceGroup {
        guard let group = groups[CloudState.key(name)] else { throw .resourceGroupNotFound(name: name) }
        return group
    }

    /// Every group, by name.
    public func resourceGroups() -> [ResourceGroup] {
        groups.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Deletes a group and everything in it, as `az group delete` does.
    public func deleteResourceGroup(named name: String) async throws(CloudError) {
        let group = try resourceGroup(named: name)
        for hub in hubs(resourceGroup: group.name) {
            try await deleteHub(named: hub.name, resourceGroup: group.name)
        }
        for service in provisioningServices(resourceGroup: group.name) {
            try deleteProvisioningService(named: service.name, resourceGroup: group.name)
        }
        let doomedAccounts = storage.filter { $0.value.resourceGroup.lowercased() == group.name.lowercased() }
        let key = CloudState.key(group.name)
        try persist(event: "ResourceGroupDeleted", subject: group.name, payload: group.record) { writer in
            for accountKey in doomedAccounts.keys {
                try writer.delete(scope: CloudState.scope, collection: CloudState.Collection.storageAccounts, key: accountKey)
            }
            try writer.delete(scope: CloudState.scope, collection: CloudState.Collection.resourceGroups, key: key)
        }
        for accountKey in doomedAccounts.keys { storage[accountKey] = nil }
        groups[key] = nil
    }

    /// The named group, or the default group (created on demand) when no name is given.
    func groupForNewResource(_ name: String?, location: String?) throws(CloudError) -> ResourceGroup {
        if let name { return try resourceGroup(named: name) }
        if let existing = groups[CloudState.key(Self.defaultResourceGroup)] { return existing }
        return try createResourceGroup(name: Self.defaultResourceGroup, location: location ?? Self.defaultLocation)
    }
}
