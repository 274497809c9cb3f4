import Foundation
import HubEngine
import JSONValue
import ProvisioningEngine

extension LocalCloud {
    /// Azure allows at most 10 DPS instances in a subscription.
    public static let maximumProvisioningServices = 10

    /// Creates a DPS instance (`az iot dps create`) with a fresh ID scope, the
    /// `provisioningserviceowner` policy and the hashed allocation policy, as Azure does.
    /// - Throws: `argumentInvalid` for a bad name or SKU; `provisioningServiceNameNotAvailable`;
    ///   `resourceGroupNotFound`.
    public func createProvisioningService(
        name: String, resourceGroup: String? = nil, location: String? = nil, skuName: String = "S1", units: Int = 1,
        tags: JSONObject = [:]
    ) throws(CloudError) -> ProvisioningServiceResource {
        try Self.validateProvisioningServiceName(name)
        let key = CloudState.key(name)
        guard provisioningServices[key] == nil else { throw .provisioningServiceNameNotAvailable(name: name) }
        guard skuName.uppercased() == "S1" else {
            throw .argumentInvalid(field: "--sku", rule: "a Device Provisioning Service has one SKU, S1, was '\(skuName)'")
        }
        guard (1...200).contains(units) else { throw .argumentInvalid(field: "--unit", rule: "must be 1 to 200, was \(units)") }
        guard provisioningServices.count < Self.maximumProvisioningServices else {
            throw .argumentInvalid(field: "--name", rule: "a subscription holds at most \(Self.maximumProvisioningServices) provisioning services")
        }
        let group = try groupForNewResource(resourceGroup, location: location)
        var scope = ProvisioningServiceResource.newIDScope()
        while provisioningServices.values.contains(where: { $0.idScope == scope }) { scope = ProvisioningServiceResource.newIDScope() }
        let service = ProvisioningServiceResource(
            name: name, resourceGroup: group.name, location: location ?? group.location, skuName: "S1", units: units,
            idScope: scope, allocationPolicy: .hashed, linkedHubs: [], policies: ProvisioningServiceResource.defaultPolicies(),
            certificates: [], tags: tags, etag: Self.newETag(), createdAt: clock.now())
        try persist(event: "ProvisioningServiceCreated", subject: service.name, payload: service.eventPayload) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.provisioningServices, key: key, body: CloudState.body(service.record))
        }
        provisioningServices[key] = service
        provisioningRecords[key] = ProvisioningRecords()
        return service
    }

    /// A DPS instance by name; with a resource group, only one in that group.
    public func provisioningService(named name: String, resourceGroup: String? = nil) throws(CloudError) -> ProvisioningServiceResource {
        if let resourceGroup { _ = try self.resourceGroup(named: resourceGroup) }
        guard let service = provisioningServices[CloudState.key(name)],
              resourceGroup.map({ $0.lowercased() == service.resourceGroup.lowercased() }) ?? true
        else {
            throw .resourceNotFound(type: "Microsoft.Devices/provisioningServices", name: name, resourceGroup: resourceGroup)
        }
        return service
    }

    /// Every DPS instance, or those of one group, by name (`az iot dps list`).
    public func provisioningServices(resourceGroup: String? = nil) -> [ProvisioningServiceResource] {
        provisioningServices.values
            .filter { service in resourceGroup.map { $0.lowercased() == service.resourceGroup.lowercased() } ?? true }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The instance whose ID scope is `idScope` (case-insensitive), as a device names it.
    public func provisioningService(idScope: String) -> ProvisioningServiceResource? {
        provisioningServices.values.first { $0.idScope.lowercased() == idScope.lowercased() }
    }

    /// Changes the default allocation policy, units or tags (`az iot dps update`).
    public func updateProvisioningService(
        named name: String, resourceGroup: String? = nil, allocationPolicy: AllocationPolicy? = nil, units: Int? = nil,
        tags: JSONObject? = nil, ifMatch etag: String? = nil
    ) throws(CloudError) -> ProvisioningServiceResource {
        var service = try provisioningService(named: name, resourceGroup: resourceGroup)
        try Self.requireServiceETag(etag, service)
        if let allocationPolicy {
            guard allocationPolicy != .custom else {
                throw .argumentInvalid(field: "allocationPolicy", rule: "a DPS instance allocates Hashed, GeoLatency or Static; custom is set per enrollment")
            }
            service.allocationPolicy = allocationPolicy
        }
        if let units {
            guard (1...200).contains(units) else { throw .argumentInvalid(field: "--unit", rule: "must be 1 to 200, was \(units)") }
            service.units = units
        }
        if let tags { service.tags = tags }
        return try saveProvisioningService(service, event: "ProvisioningServiceUpdated", payload: service.eventPayload)
    }

    /// Deletes a DPS instance with its enrollments, registrations and certificates; devices it
    /// assigned stay in their hubs, as in Azure.
    public func deleteProvisioningService(named name: String, resourceGroup: String? = nil) throws(CloudError) {
        let service = try provisioningService(named: name, resourceGroup: resourceGroup)
        let key = CloudState.key(service.name)
        try persist(event: "ProvisioningServiceDeleted", subject: service.name, payload: service.eventPayload) { writer in
            try writer.delete(scope: CloudState.scope, collection: CloudState.Collection.provisioningServices, key: key)
            try writer.deleteScope(ProvisioningStorage.scope(key))
        }
        provisioningServices[key] = nil
        provisioningRecords[key] = nil
        registrationOperations = registrationOperations.filter { !$0.key.hasPrefix("\(key)/") }
    }

    /// Writes the instance record with one journal event and updates memory.
    func saveProvisioningService(_ changed: ProvisioningServiceResource, event: String, payload: JSONValue) throws(CloudError) -> ProvisioningServiceResource {
        var service = changed
        service.etag = Self.newETag()
        let key = CloudState.key(service.name)
        let record = service.record
        try persist(event: event, subject: service.name, payload: payload) { writer in
            try writer.put(scope: CloudState.scope, collection: CloudState.Collection.provisioningServices, key: key, body: CloudState.body(record))
        }
        provisioningServices[key] = service
        return service
    }

    private static func requireServiceETag(_ etag: String?, _ service: ProvisioningServiceResource) throws(CloudError) {
        guard let etag else { return }
        guard ETag.matches(etag, current: service.etag) else {
            throw .preconditionFailed(resource: "provisioning service '\(service.name)'", etag: etag)
        }
    }

    /// DPS names: 3–64 letters, digits and hyphens, starting with a letter or digit and not
    /// ending in a hyphen (ARM's rule).
    private static func validateProvisioningServiceName(_ name: String) throws(CloudError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        guard (3...64).contains(name.count), allowed, !name.hasPrefix("-"), !name.hasSuffix("-") else {
            throw .argumentInvalid(
                field: "--name", rule: "a provisioning service name is 3 to 64 letters, digits and '-', not starting or ending with '-', was '\(name)'")
        }
    }
}

extension ProvisioningServiceResource {
    /// What the journal records of a DPS change: never its keys.
    var eventPayload: JSONValue {
        ["name": .string(name), "resourceGroup": .string(resourceGroup), "idScope": .string(idScope)]
    }
}
