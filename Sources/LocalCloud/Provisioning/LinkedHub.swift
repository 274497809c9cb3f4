import IoTSecurity
import JSONValue
import ProvisioningEngine

/// A hub linked to a DPS (`az iot dps linked-hub`): DPS reaches it through a connection string
/// of one of its policies and may assign devices to it.
public struct LinkedHub: Sendable, Equatable {
    /// The hub's service connection string, as given (its key is masked when shown).
    public var connectionString: String
    /// The hub resource's name in this workspace.
    public let hubName: String
    /// The hub's region, for the lowest-latency policy.
    public var location: String
    /// Share under the hashed policy; `nil` shows as Azure's `null` and weighs 1.
    public var allocationWeight: Int?
    /// Whether policies may pick the hub; `nil` counts as `true`, as in Azure.
    public var applyAllocationPolicy: Bool?

    public init(connectionString: String, hubName: String, location: String, allocationWeight: Int? = nil, applyAllocationPolicy: Bool? = nil) {
        self.connectionString = connectionString
        self.hubName = hubName
        self.location = location
        self.allocationWeight = allocationWeight
        self.applyAllocationPolicy = applyAllocationPolicy
    }

    /// `NAME.azure-devices.net`, the linked hub's `name` in Azure's documents.
    public var hostName: String { "\(hubName).azure-devices.net" }

    /// The hub as allocation sees it.
    public var candidate: AllocationCandidate {
        AllocationCandidate(
            hostName: hostName, location: location, allocationWeight: allocationWeight ?? 1,
            applyAllocationPolicy: applyAllocationPolicy ?? true)
    }

    /// Azure's `IotHubDefinitionDescription`, the connection string's key masked as ARM shows it.
    public var json: JSONValue {
        [
            "allocationWeight": allocationWeight.map(JSONValue.integer) ?? .null,
            "applyAllocationPolicy": applyAllocationPolicy.map(JSONValue.bool) ?? .null,
            "connectionString": .string(masked),
            "location": .string(location),
            "name": .string(hostName),
        ]
    }

    private var masked: String {
        guard let parsed = try? ConnectionString(parsing: connectionString) else { return connectionString }
        return parsed.pairs.map { name, value in "\(name)=\(name == "SharedAccessKey" ? "****" : value)" }.joined(separator: ";")
    }

    var record: JSONValue {
        [
            "connectionString": .string(connectionString), "hubName": .string(hubName), "location": .string(location),
            "allocationWeight": allocationWeight.map(JSONValue.integer) ?? .null,
            "applyAllocationPolicy": applyAllocationPolicy.map(JSONValue.bool) ?? .null,
        ]
    }

    init?(record: JSONValue) {
        guard let connectionString = record["connectionString"]?.stringValue, let hubName = record["hubName"]?.stringValue,
              let location = record["location"]?.stringValue else { return nil }
        self.init(
            connectionString: connectionString, hubName: hubName, location: location,
            allocationWeight: record["allocationWeight"]?.integerValue, applyAllocationPolicy: record["applyAllocationPolicy"]?.boolValue)
    }
}
