import HubEngine
import WorkspaceStore

extension LocalCloud {
    /// The only Event Hub-compatible endpoint a hub has; `--event-hub-name` must name it.
    public static let builtInEventHubName = "events"

    /// Adds a consumer group to a hub's built-in endpoint, as `az iot hub consumer-group create`.
    /// - Throws: `resourceNotFound` for another endpoint name; `eventHubEndpoint` for a bad name,
    ///   a duplicate (names are case-insensitive, as in Event Hubs) or one group too many.
    public func createConsumerGroup(hubName: String, resourceGroup: String? = nil, eventHubName: String = builtInEventHubName, name: String) async throws(CloudError) -> ConsumerGroup {
        var hub = try hub(named: hubName, resourceGroup: resourceGroup)
        try Self.requireBuiltInEndpoint(eventHubName, hub: hub)
        let group = ConsumerGroup(name: name, created: clock.now())
        hub.consumerGroups.append(group)
        _ = try Self.validated(hub.eventHub, tier: HubTier(skuName: hub.sku.name))
        try await save(hub, event: "ConsumerGroupCreated", name: name)
        return group
    }

    /// The hub's consumer groups, `$Default` first.
    public func consumerGroups(hubName: String, resourceGroup: String? = nil, eventHubName: String = builtInEventHubName) throws(CloudError) -> [ConsumerGroup] {
        let hub = try hub(named: hubName, resourceGroup: resourceGroup)
        try Self.requireBuiltInEndpoint(eventHubName, hub: hub)
        return hub.consumerGroups
    }

    /// One consumer group by name (case-insensitive).
    /// - Throws: `eventHubEndpoint(.consumerGroupNotFound)`.
    public func consumerGroup(hubName: String, resourceGroup: String? = nil, eventHubName: String = builtInEventHubName, name: String) throws(CloudError) -> ConsumerGroup {
        let groups = try consumerGroups(hubName: hubName, resourceGroup: resourceGroup, eventHubName: eventHubName)
        guard let group = groups.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .eventHubEndpoint(.consumerGroupNotFound(name: name))
        }
        return group
    }

    /// Deletes a consumer group and, in the same transaction, its read positions on every partition.
    /// - Throws: `eventHubEndpoint(.defaultConsumerGroupUndeletable)` for `$Default`; not found.
    public func deleteConsumerGroup(hubName: String, resourceGroup: String? = nil, eventHubName: String = builtInEventHubName, name: String) async throws(CloudError) {
        let group = try consumerGroup(hubName: hubName, resourceGroup: resourceGroup, eventHubName: eventHubName, name: name)
        guard group.name != EventHubSettings.defaultConsumerGroup else { throw .eventHubEndpoint(.defaultConsumerGroupUndeletable) }
        var hub = try hub(named: hubName, resourceGroup: resourceGroup)
        hub.consumerGroups.removeAll { $0.name == group.name }
        try await save(hub, event: "ConsumerGroupDeleted", name: group.name) { writer in
            try writer.deleteStreamCursors(scope: IoTHub.storageScope(forHub: hub.name), stream: EndpointReader.eventsStream, consumerGroup: group.name)
        }
    }

    /// The endpoint's settings if Azure accepts them for `tier`, its refusal as a Resource Manager error otherwise.
    static func validated(_ settings: EventHubSettings, tier: HubTier) throws(CloudError) -> EventHubSettings {
        do {
            return try settings.validated(for: tier)
        } catch {
            throw .eventHubEndpoint(error)
        }
    }

    private static func requireBuiltInEndpoint(_ eventHubName: String, hub: HubResource) throws(CloudError) {
        guard eventHubName.lowercased() == builtInEventHubName else {
            throw .resourceNotFound(type: "Microsoft.Devices/IotHubs/eventHubEndpoints", name: "\(hub.name)/\(eventHubName)", resourceGroup: hub.resourceGroup)
        }
    }

    /// Writes the changed hub record (and `extra` changes) in one transaction, then tells its data plane.
    private func save(_ hub: HubResource, event: String, name: String, _ extra: (WorkspaceWriter) throws -> Void = { _ in }) async throws(CloudError) {
        var hub = hub
        hub.etag = Self.newETag()
        let key = CloudState.key(hub.name)
        try persist(event: event, subject: hub.name, payload: ["hub": .string(hub.name), "name": .string(name)]) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key, body: CloudState.body(hub.record))
            try extra(writer)
        }
        hubResources[key] = hub
        await engines[key]?.apply(hub.settings)
    }
}
