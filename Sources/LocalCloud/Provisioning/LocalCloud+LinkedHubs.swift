import IoTSecurity
import JSONValue

extension LocalCloud {
    /// Links a hub of this workspace to a DPS (`az iot dps linked-hub create`), reached through a
    /// connection string of one of its policies, as in Azure.
    /// - Throws: `argumentInvalid` naming `--connection-string` when it cannot be read, names no
    ///   hub of this workspace, or its key is not the key of a hub policy with RegistryWrite; or
    ///   when the hub is linked already or the weight is out of range.
    public func linkHub(
        toProvisioningService name: String, resourceGroup: String? = nil, connectionString: String, location: String? = nil,
        allocationWeight: Int? = nil, applyAllocationPolicy: Bool? = nil
    ) throws(CloudError) -> LinkedHub {
        var service = try provisioningService(named: name, resourceGroup: resourceGroup)
        let hub = try hub(reachedBy: connectionString)
        guard !service.linkedHubs.contains(where: { $0.hubName.lowercased() == hub.name.lowercased() }) else {
            throw .argumentInvalid(field: "--connection-string", rule: "IoT hub \(hub.hostName) is already linked to '\(service.name)'")
        }
        try Self.validateAllocationWeight(allocationWeight)
        let linked = LinkedHub(
            connectionString: connectionString, hubName: hub.name, location: location ?? hub.location,
            allocationWeight: allocationWeight, applyAllocationPolicy: applyAllocationPolicy)
        service.linkedHubs.append(linked)
        _ = try saveProvisioningService(service, event: "ProvisioningLinkedHubCreated", payload: linkedHubPayload(service, linked))
        return linked
    }

    /// The hubs linked to a DPS, in link order (`az iot dps linked-hub list`).
    public func linkedHubs(ofProvisioningService name: String, resourceGroup: String? = nil) throws(CloudError) -> [LinkedHub] {
        try provisioningService(named: name, resourceGroup: resourceGroup).linkedHubs
    }

    /// One linked hub by host name or hub name (`az iot dps linked-hub show --linked-hub`).
    public func linkedHub(_ hubName: String, ofProvisioningService name: String, resourceGroup: String? = nil) throws(CloudError) -> LinkedHub {
        let service = try provisioningService(named: name, resourceGroup: resourceGroup)
        guard let found = service.linkedHubs.first(where: { Self.names(hubName, $0) }) else {
            throw .resourceNotFound(type: "Microsoft.Devices/provisioningServices/iotHubs", name: hubName, resourceGroup: resourceGroup)
        }
        return found
    }

    /// Changes a linked hub's weight or whether policies apply to it (`az iot dps linked-hub update`).
    public func updateLinkedHub(
        _ hubName: String, ofProvisioningService name: String, resourceGroup: String? = nil,
        allocationWeight: Int? = nil, applyAllocationPolicy: Bool? = nil
    ) throws(CloudError) -> LinkedHub {
        var service = try provisioningService(named: name, resourceGroup: resourceGroup)
        guard let index = service.linkedHubs.firstIndex(where: { Self.names(hubName, $0) }) else {
            throw .resourceNotFound(type: "Microsoft.Devices/provisioningServices/iotHubs", name: hubName, resourceGroup: resourceGroup)
        }
        try Self.validateAllocationWeight(allocationWeight)
        if let allocationWeight { service.linkedHubs[index].allocationWeight = allocationWeight }
        if let applyAllocationPolicy { service.linkedHubs[index].applyAllocationPolicy = applyAllocationPolicy }
        let linked = service.linkedHubs[index]
        _ = try saveProvisioningService(service, event: "ProvisioningLinkedHubUpdated", payload: linkedHubPayload(service, linked))
        return linked
    }

    /// Unlinks a hub (`az iot dps linked-hub delete`); its devices stay in it.
    public func unlinkHub(_ hubName: String, fromProvisioningService name: String, resourceGroup: String? = nil) throws(CloudError) {
        var service = try provisioningService(named: name, resourceGroup: resourceGroup)
        let linked = try linkedHub(hubName, ofProvisioningService: name, resourceGroup: resourceGroup)
        service.linkedHubs.removeAll { $0.hubName == linked.hubName }
        _ = try saveProvisioningService(service, event: "ProvisioningLinkedHubDeleted", payload: linkedHubPayload(service, linked))
    }

    /// The hub a service connection string reaches, checked as Azure checks a linked hub's.
    private func hub(reachedBy connectionString: String) throws(CloudError) -> HubResource {
        let parsed: ConnectionString
        do {
            parsed = try ConnectionString(parsing: connectionString)
        } catch {
            throw .argumentInvalid(field: "--connection-string", rule: "\(error)")
        }
        guard let host = parsed["HostName"], let keyName = parsed["SharedAccessKeyName"], let key = parsed["SharedAccessKey"] else {
            throw .argumentInvalid(field: "--connection-string", rule: "must hold HostName, SharedAccessKeyName and SharedAccessKey (a hub policy's connection string)")
        }
        let hubName = host.split(separator: ".").first.map(String.init) ?? host
        guard let hub = hubResources[CloudState.key(hubName)] else {
            throw .argumentInvalid(field: "--connection-string", rule: "no IoT hub '\(hubName)' in this workspace (HostName=\(host))")
        }
        guard let policy = hub.policies.first(where: { $0.keyName == keyName }), [policy.primaryKey, policy.secondaryKey].contains(key) else {
            throw .argumentInvalid(field: "--connection-string", rule: "SharedAccessKey is not a key of policy '\(keyName)' on IoT hub '\(hub.name)'")
        }
        guard policy.rights.contains(.registryWrite) else {
            throw .argumentInvalid(field: "--connection-string", rule: "policy '\(keyName)' lacks RegistryWrite, which DPS needs to create devices (use iothubowner)")
        }
        return hub
    }

    private static func names(_ text: String, _ linked: LinkedHub) -> Bool {
        text.lowercased() == linked.hubName.lowercased() || text.lowercased() == linked.hostName.lowercased()
    }

    private static func validateAllocationWeight(_ weight: Int?) throws(CloudError) {
        if let weight, !(0...1000).contains(weight) {
            throw .argumentInvalid(field: "--allocation-weight", rule: "must be 0 to 1000, was \(weight)")
        }
    }

    private func linkedHubPayload(_ service: ProvisioningServiceResource, _ linked: LinkedHub) -> JSONValue {
        ["provisioningService": .string(service.name), "hub": .string(linked.hostName), "location": .string(linked.location)]
    }
}
