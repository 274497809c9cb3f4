import Foundation
import IoTSecurity
import JSONValue
import ProvisioningEngine

/// A Device Provisioning Service instance as Resource Manager describes it (`az iot dps show`):
/// where it lives, its ID scope, linked hubs, policies and CA certificates. Its enrollments and
/// registrations are the data plane, kept beside it.
public struct ProvisioningServiceResource: Sendable, Equatable {
    public let name: String
    public let resourceGroup: String
    public var location: String
    /// `S1`, the only SKU Azure sells.
    public var skuName: String
    public var units: Int
    /// `0ne` and 8 upper-case hex digits, what devices name the instance by.
    public let idScope: String
    /// The instance's default policy, used by enrollments that set none.
    public var allocationPolicy: AllocationPolicy
    public var linkedHubs: [LinkedHub]
    public var policies: [SharedAccessPolicy]
    /// CA certificates for X.509 enrollment groups; only verified ones are trusted.
    public var certificates: [CACertificate]
    public var tags: JSONObject
    public var etag: String
    public let createdAt: Date

    /// Devices register at this host wherever the instance is, as in Azure.
    public static let deviceHostName = "global.azure-devices-provisioning.net"

    /// `NAME.azure-devices-provisioning.net`, the service API's host.
    public var serviceHostName: String { "\(name).azure-devices-provisioning.net" }

    /// A policy by name (`az iot dps policy show`).
    public func policy(named keyName: String) throws(CloudError) -> SharedAccessPolicy {
        guard let policy = policies.first(where: { $0.keyName.lowercased() == keyName.lowercased() }) else {
            throw .policyNotFound(hubName: name, policyName: keyName)
        }
        return policy
    }

    /// `HostName=NAME.azure-devices-provisioning.net;SharedAccessKeyName=...;SharedAccessKey=...`,
    /// what `az iot dps connection-string show` prints.
    public func connectionString(policyName: String = "provisioningserviceowner", keyType: KeyType = .primary) throws(CloudError) -> String {
        try policy(named: policyName).connectionString(hostName: serviceHostName, keyType: keyType)
    }

    /// The hubs as allocation sees them.
    public var allocationCandidates: [AllocationCandidate] { linkedHubs.map(\.candidate) }

    /// The policy Azure creates with every DPS, with two fresh keys.
    static func defaultPolicies() -> [SharedAccessPolicy] {
        [SharedAccessPolicy(
            keyName: "provisioningserviceowner", rights: [.serviceConfig, .deviceConnect, .enrollmentWrite],
            primaryKey: SymmetricKey.generate().base64, secondaryKey: SymmetricKey.generate().base64)]
    }

    /// A fresh ID scope: `0ne` and 8 upper-case hex digits.
    static func newIDScope() -> String {
        "0ne" + SecureRandom.bytes(count: 4).map { String(format: "%02X", $0) }.joined()
    }
}
