import Foundation
import HubEngine
import IoTSecurity
import JSONValue

extension LocalCloud {
    /// Azure allows at most 50 hubs in a subscription, one of them free.
    public static let maximumHubs = 50

    /// Creates a hub with Azure's defaults and the five default policies, and opens its data plane.
    public func createHub(_ request: HubCreation) throws(CloudError) -> HubResource {
        try ResourceNames.validateHub(request.name)
        let key = CloudState.key(request.name)
        guard hubResources[key] == nil else { throw .hubNameNotAvailable(name: request.name) }
        let sku = try HubSKU(request.skuName)
        guard (1...sku.maximumUnits).contains(request.units) else {
            throw .argumentInvalid(field: "unit", rule: "\(sku.name) allows 1 to \(sku.maximumUnits) units, was \(request.units)")
        }
        let tier = HubTier(skuName: sku.name)
        let eventHub = try Self.validated(
            EventHubSettings(
                partitionCount: request.partitionCount ?? EventHubSettings.defaults(for: tier).partitionCount,
                retentionDays: request.retentionDays),
            tier: tier)
        guard hubResources.count < Self.maximumHubs else { throw .hubLimitExceeded(maximum: Self.maximumHubs) }
        if sku.name == "F1" {
            let freeHubs = hubResources.values.filter { $0.sku.name == "F1" }.count
            guard freeHubs == 0 else { throw .freeHubLimitExceeded(current: freeHubs + 1) }
        }
        let group = try groupForNewResource(request.resourceGroup, location: request.location)
        let hub = HubResource(
            name: request.name, resourceGroup: group.name, location: request.location ?? group.location,
            sku: sku, units: request.units, partitionCount: eventHub.partitionCount, retentionDays: eventHub.retentionDays,
            consumerGroups: [ConsumerGroup(name: EventHubSettings.defaultConsumerGroup, created: clock.now())],
            policies: SharedAccessPolicy.azureDefaults(),
            tags: JSONObject(uniqueKeysWithValues: request.tags.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }),
            etag: Self.newETag(), createdAt: clock.now())
        try persist(event: "IotHubCreated", subject: hub.name, payload: hub.eventPayload) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key, body: CloudState.body(hub.record))
        }
        hubResources[key] = hub
        do {
            engines[key] = try IoTHub(settings: hub.settings, workspace: workspace, clock: clock)
        } catch {
            throw .engineUnavailable(hubName: hub.name, reason: String(describing: error))
        }
        return hub
    }

    /// A hub by name; with a resource group, only a hub in that group.
    public func hub(named name: String, resourceGroup: String? = nil) throws(CloudError) -> HubResource {
        if let resourceGroup { _ = try self.resourceGroup(named: resourceGroup) }
        guard let hub = hubResources[CloudState.key(name)],
            resourceGroup.map({ $0.lowercased() == hub.resourceGroup.lowercased() }) ?? true
        else {
            throw .resourceNotFound(type: "Microsoft.Devices/IotHubs", name: name, resourceGroup: resourceGroup)
        }
        return hub
    }

    /// Every hub, or those of one group, by name.
    public func hubs(resourceGroup: String? = nil) -> [HubResource] {
        hubResources.values
            .filter { hub in resourceGroup.map { $0.lowercased() == hub.resourceGroup.lowercased() } ?? true }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Changes a hub's SKU, unit count, cloud-to-device, file-upload settings or event retention within Azure's
    /// rules and tells its data plane.
    public func updateHub(
        named name: String, resourceGroup: String? = nil, skuName: String? = nil, units: Int? = nil,
        cloudToDevice: CloudToDeviceSettings? = nil, retentionDays: Int? = nil, fileUpload: FileUploadSettings? = nil
    ) async throws(CloudError) -> HubResource {
        var hub = try hub(named: name, resourceGroup: resourceGroup)
        if let skuName {
            let sku = try HubSKU(skuName)
            guard hub.sku.canChange(to: sku) else { throw .skuChangeNotAllowed(from: hub.sku.name, to: sku.name) }
            hub.sku = sku
        }
        if let units { hub.units = units }
        if let cloudToDevice { hub.cloudToDevice = cloudToDevice }
        if let fileUpload {
            do {
                hub.fileUpload = try fileUpload.validated()
            } catch {
                throw .argumentInvalid(field: "fileUpload", rule: error.message)
            }
        }
        if let retentionDays {
            hub.retentionDays = retentionDays
            _ = try Self.validated(hub.eventHub, tier: HubTier(skuName: hub.sku.name))
        }
        guard (1...hub.sku.maximumUnits).contains(hub.units) else {
            throw .argumentInvalid(field: "unit", rule: "\(hub.sku.name) allows 1 to \(hub.sku.maximumUnits) units, was \(hub.units)")
        }
        hub.etag = Self.newETag()
        let key = CloudState.key(hub.name)
        try persist(event: "IotHubUpdated", subject: hub.name, payload: hub.eventPayload) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key, body: CloudState.body(hub.record))
        }
        hubResources[key] = hub
        await engines[key]?.apply(hub.settings)
        return hub
    }

    /// Deletes a hub with its devices, twins and everything else in its data plane, in one
    /// transaction with its resource record.
    public func deleteHub(named name: String, resourceGroup: String? = nil) async throws(CloudError) {
        let hub = try hub(named: name, resourceGroup: resourceGroup)
        let key = CloudState.key(hub.name)
        try persist(event: "IotHubDeleted", subject: hub.name, payload: hub.eventPayload) { writer in
            try writer.delete(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key)
            try writer.deleteScope(IoTHub.storageScope(forHub: hub.name))
        }
        hubResources[key] = nil
        engines[key] = nil
    }

    /// The data plane of a hub: its identity registry, twins and queries, loaded on first use.
    public func engine(forHub name: String) throws(CloudError) -> IoTHub {
        let key = CloudState.key(name)
        if let engine = engines[key] { return engine }
        guard let hub = hubResources[key] else {
            throw .resourceNotFound(type: "Microsoft.Devices/IotHubs", name: name, resourceGroup: nil)
        }
        do {
            let engine = try IoTHub(settings: hub.settings, workspace: workspace, clock: clock)
            engines[key] = engine
            return engine
        } catch {
            throw .engineUnavailable(hubName: hub.name, reason: String(describing: error))
        }
    }

    /// Regenerates one key of a hub policy, as `az iot hub policy renew-key` does.
    public func renewPolicyKey(hubName: String, policyName: String, keyType: KeyType) throws(CloudError) -> SharedAccessPolicy {
        var hub = try hub(named: hubName)
        var policy = try hub.policy(named: policyName)
        switch keyType {
        case .primary: policy.primaryKey = SymmetricKey.generate().base64
        case .secondary: policy.secondaryKey = SymmetricKey.generate().base64
        }
        hub.policies = hub.policies.map { $0.keyName == policy.keyName ? policy : $0 }
        let key = CloudState.key(hub.name)
        try persist(event: "IotHubPolicyKeyRenewed", subject: hub.name, payload: ["policy": .string(policyName), "keyType": .string(keyType.rawValue)]) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.hubs, key: key, body: CloudState.body(hub.record))
        }
        hubResources[key] = hub
        return policy
    }

    /// ARM etags look like `AAAAAB1vM2s=`; a fresh one marks every change.
    static func newETag() -> String {
        Data(SecureRandom.bytes(count: 8)).base64EncodedString()
    }
}

extension HubResource {
    /// What the journal records of a hub change: never its keys.
    var eventPayload: JSONValue {
        ["name": .string(name), "resourceGroup": .string(resourceGroup), "sku": .string(sku.name), "units": .integer(units)]
    }
}
