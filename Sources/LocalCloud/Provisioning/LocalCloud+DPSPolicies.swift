import IoTSecurity
import JSONValue

extension LocalCloud {
    /// The rights a DPS policy may hold (`az iot dps policy create --rights`).
    public static let provisioningPolicyRights: [SharedAccessPolicy.Right] = [
        .serviceConfig, .enrollmentRead, .enrollmentWrite, .deviceConnect, .registrationStatusRead, .registrationStatusWrite,
    ]

    /// Adds a shared access policy to a DPS (`az iot dps policy create`); keys not given are generated.
    /// - Throws: `argumentInvalid` for a name in use, no rights, a right DPS does not have, or a bad key.
    public func createProvisioningPolicy(
        dpsName: String, resourceGroup: String? = nil, name: String, rights: [SharedAccessPolicy.Right], primaryKey: String? = nil,
        secondaryKey: String? = nil
    ) throws(CloudError) -> SharedAccessPolicy {
        var service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        guard !service.policies.contains(where: { $0.keyName.lowercased() == name.lowercased() }) else {
            throw .argumentInvalid(field: "--policy-name", rule: "'\(service.name)' already has a policy named '\(name)'")
        }
        let policy = SharedAccessPolicy(
            keyName: name, rights: try Self.provisioningRights(rights),
            primaryKey: try Self.policyKey(primaryKey, field: "--primary-key"), secondaryKey: try Self.policyKey(secondaryKey, field: "--secondary-key"))
        service.policies.append(policy)
        _ = try saveProvisioningService(service, event: "ProvisioningPolicyCreated", payload: Self.policyEvent(service, policy))
        return policy
    }

    /// Changes a DPS policy's rights or keys (`az iot dps policy update`).
    public func updateProvisioningPolicy(
        dpsName: String, resourceGroup: String? = nil, name: String, rights: [SharedAccessPolicy.Right]? = nil, primaryKey: String? = nil,
        secondaryKey: String? = nil
    ) throws(CloudError) -> SharedAccessPolicy {
        var service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        var policy = try service.policy(named: name)
        if let rights { policy.rights = try Self.provisioningRights(rights) }
        if let primaryKey { policy.primaryKey = try Self.policyKey(primaryKey, field: "--primary-key") }
        if let secondaryKey { policy.secondaryKey = try Self.policyKey(secondaryKey, field: "--secondary-key") }
        service.policies = service.policies.map { $0.keyName == policy.keyName ? policy : $0 }
        _ = try saveProvisioningService(service, event: "ProvisioningPolicyUpdated", payload: Self.policyEvent(service, policy))
        return policy
    }

    /// Removes a DPS policy (`az iot dps policy delete`).
    public func deleteProvisioningPolicy(dpsName: String, resourceGroup: String? = nil, name: String) throws(CloudError) {
        var service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        let policy = try service.policy(named: name)
        service.policies.removeAll { $0.keyName == policy.keyName }
        _ = try saveProvisioningService(service, event: "ProvisioningPolicyDeleted", payload: Self.policyEvent(service, policy))
    }

    private static func provisioningRights(_ rights: [SharedAccessPolicy.Right]) throws(CloudError) -> [SharedAccessPolicy.Right] {
        guard !rights.isEmpty else { throw .argumentInvalid(field: "--rights", rule: "name at least one right") }
        if let foreign = rights.first(where: { !provisioningPolicyRights.contains($0) }) {
            throw .argumentInvalid(
                field: "--rights",
                rule: "'\(foreign.rawValue)' is not a DPS right; use \(provisioningPolicyRights.map(\.rawValue).joined(separator: ", "))")
        }
        return provisioningPolicyRights.filter(rights.contains)
    }

    /// `given` checked as a policy key, or a fresh one.
    private static func policyKey(_ given: String?, field: String) throws(CloudError) -> String {
        guard let given else { return SymmetricKey.generate().base64 }
        do {
            return try SymmetricKey(base64: given).base64
        } catch {
            throw .argumentInvalid(field: field, rule: error.description)
        }
    }

    private static func policyEvent(_ service: ProvisioningServiceResource, _ policy: SharedAccessPolicy) -> JSONValue {
        ["provisioningService": .string(service.name), "policy": .string(policy.keyName), "rights": .array(policy.rights.map { .string($0.rawValue) })]
    }
}
