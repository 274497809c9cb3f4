import HubEngine
import JSONValue

extension LocalCloud {
    /// Changes a hub's `properties.routing` as one Resource Manager update: `change` edits a copy,
    /// the result is checked against Azure's routing rules for the hub's tier, then persisted with
    /// the hub record and applied to the running hub, which routes the next message by it.
    public func updateRouting(
        hubName: String, resourceGroup: String? = nil,
        _ change: @Sendable (inout RoutingConfiguration) throws(CloudError) -> Void
    ) async throws(CloudError) -> HubResource {
        var hub = try hub(named: hubName, resourceGroup: resourceGroup)
        var routing = hub.routing
        try change(&routing)
        do {
            try routing.validated(for: HubTier(skuName: hub.sku.name))
        } catch {
            switch error {
            case .argumentInvalid(let field, let rule): throw .argumentInvalid(field: field, rule: rule)
            default: throw .argumentInvalid(field: "properties.routing", rule: error.message)
            }
        }
        hub.routing = routing
        hub.etag = Self.newETag()
        let key = CloudState.key(hub.name)
        // Names only: endpoints' connection strings carry keys, which the journal never holds.
        let payload: JSONValue = [
            "name": .string(hub.name), "endpoints": .array(routing.endpoints.allNames.map(JSONValue.string)),
            "routes": .array(routing.routes.map { .string($0.name) }), "fallbackEnabled": .bool(routing.fallbackRoute.isEnabled),
            "enrichments": .array(routing.enrichments.map { .string($0.key) }),
        ]
        try persist(event: "IotHubRoutingUpdated", subject: hub.name, payload: payload) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key, body: CloudState.body(hub.record))
        }
        hubResources[key] = hub
        await engines[key]?.apply(hub.settings)
        return hub
    }
}
