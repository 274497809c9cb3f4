import JSONValue

/// Whether an enrollment lets devices register (`provisioningStatus`).
public enum ProvisioningStatus: String, Sendable, CaseIterable {
    case enabled
    case disabled
}

/// What happens when an already provisioned device registers again (`reprovisionPolicy`).
///
/// Azure's three portal choices map to: re-provision and migrate data (`true`, `true`, the
/// default); re-provision and reset to initial config (`true`, `false`); never re-provision
/// (`false`, either).
public struct ReprovisionPolicy: Sendable, Equatable {
    /// Re-run the allocation and move the device when it picks another hub.
    public var updateHubAssignment: Bool
    /// Carry twin tags and desired properties to the new hub (`true`) or start from the
    /// enrollment's initial twin (`false`).
    public var migrateDeviceData: Bool

    public init(updateHubAssignment: Bool = true, migrateDeviceData: Bool = true) {
        self.updateHubAssignment = updateHubAssignment
        self.migrateDeviceData = migrateDeviceData
    }
}

/// How DPS picks a linked hub for a device; the raw values are the service API's and az's names.
public enum AllocationPolicy: String, Sendable, CaseIterable {
    /// Evenly weighted distribution: a hash of the registration id, honouring allocation weights.
    case hashed
    /// Lowest latency: a hub in the device's region.
    case geoLatency
    /// One hub named on the enrollment.
    case `static`
    /// A learner's function (`customAllocationDefinition`) chooses.
    case custom

    /// The ARM spelling a DPS instance's own `allocationPolicy` uses (`Hashed`, `GeoLatency`, `Static`).
    public var armName: String {
        switch self {
        case .hashed: "Hashed"
        case .geoLatency: "GeoLatency"
        case .static: "Static"
        case .custom: "Custom"
        }
    }

    /// Reads either spelling, case-insensitively (`hashed`, `Hashed`, `geolatency`).
    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = found
    }
}

/// The function a `custom` allocation calls (`customAllocationDefinition`).
///
/// `webhookUrl` is an `http://` or `https://` URL that receives Azure's request JSON by POST, or,
/// in iotlab only, `command:PROGRAM ARGS...`, a local command that reads the request on standard
/// input and writes the answer on standard output.
public struct CustomAllocationDefinition: Sendable, Equatable {
    public var webhookUrl: String
    public var apiVersion: String

    public init(webhookUrl: String, apiVersion: String = "2019-03-31") {
        self.webhookUrl = webhookUrl
        self.apiVersion = apiVersion
    }

    /// The command line of a `command:` definition, `nil` for a web hook.
    public var command: String? {
        webhookUrl.hasPrefix(Self.commandPrefix) ? String(webhookUrl.dropFirst(Self.commandPrefix.count)) : nil
    }

    /// `command:`, the prefix that marks a local command instead of a URL.
    public static let commandPrefix = "command:"
}

/// The twin a device starts with in its hub (`initialTwin`): tags and desired properties.
public struct InitialTwin: Sendable, Equatable {
    public var tags: JSONObject
    public var desiredProperties: JSONObject

    public init(tags: JSONObject = [:], desiredProperties: JSONObject = [:]) {
        self.tags = tags
        self.desiredProperties = desiredProperties
    }

    /// `{"tags": {...}, "properties": {"desired": {...}}}`, Azure's shape and the twin patch the hub takes.
    public var json: JSONValue {
        ["tags": .object(tags), "properties": ["desired": .object(desiredProperties)]]
    }

    /// Reads Azure's shape; `nil` unless `json` is an object whose `tags` and
    /// `properties.desired`, when present, are objects.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        let tags = json["tags"] ?? .null
        let desired = json["properties"]?["desired"] ?? .null
        switch (tags, desired) {
        case (.object(let t), .object(let d)): self.init(tags: t, desiredProperties: d)
        case (.null, .object(let d)): self.init(desiredProperties: d)
        case (.object(let t), .null): self.init(tags: t)
        case (.null, .null): self.init()
        default: return nil
        }
    }
}

/// The settings individual enrollments and enrollment groups share: what device they make, where
/// it goes, and what happens when it comes back.
public struct EnrollmentPolicy: Sendable, Equatable {
    /// `capabilities.iotEdge`: the device is created edge-enabled.
    public var iotEdge: Bool
    public var initialTwin: InitialTwin?
    public var provisioningStatus: ProvisioningStatus
    public var reprovisionPolicy: ReprovisionPolicy
    /// `nil`: the DPS instance's own policy.
    public var allocationPolicy: AllocationPolicy?
    /// Host names of the linked hubs this enrollment may use; `nil` or empty: all linked hubs
    /// that apply the allocation policy.
    public var iotHubs: [String]?
    public var customAllocationDefinition: CustomAllocationDefinition?

    public init(
        iotEdge: Bool = false, initialTwin: InitialTwin? = nil, provisioningStatus: ProvisioningStatus = .enabled,
        reprovisionPolicy: ReprovisionPolicy = ReprovisionPolicy(), allocationPolicy: AllocationPolicy? = nil,
        iotHubs: [String]? = nil, customAllocationDefinition: CustomAllocationDefinition? = nil
    ) {
        self.iotEdge = iotEdge
        self.initialTwin = initialTwin
        self.provisioningStatus = provisioningStatus
        self.reprovisionPolicy = reprovisionPolicy
        self.allocationPolicy = allocationPolicy
        self.iotHubs = iotHubs
        self.customAllocationDefinition = customAllocationDefinition
    }
}
