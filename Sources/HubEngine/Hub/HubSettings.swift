/// The pricing tier of a hub, which decides what it can do.
public enum HubTier: String, Sendable {
    /// F1: one unit, 500 devices, everything a standard hub does.
    case free
    /// B1–B3: device-to-cloud and the registry only; no twins, modules, edge, queries or C2D.
    case basic
    /// S1–S3: everything.
    case standard

    /// The tier a SKU name such as `S1` or `b2` belongs to, named by its letter.
    public init(skuName: String) {
        switch skuName.uppercased().first {
        case "F": self = .free
        case "B": self = .basic
        default: self = .standard
        }
    }

    /// `Free`, `Basic` or `Standard`, as Azure writes `sku.tier`.
    public var azureName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A hub's name and scale, as Resource Manager holds them.
public struct HubSettings: Sendable, Equatable {
    /// The hub's name, e.g. `my-hub`; also its scope in the workspace.
    public var name: String
    /// `{name}.azure-devices.net`, the host in connection strings.
    public var hostName: String
    /// `F1`, `B1`, `B2`, `B3`, `S1`, `S2` or `S3`.
    public var skuName: String
    public var units: Int
    /// The built-in `events` endpoint: partitions, retention, consumer groups.
    public var eventHub: EventHubSettings
    /// Cloud-to-device defaults: TTL, delivery count, feedback.
    public var cloudToDevice: CloudToDeviceSettings
    /// Custom endpoints, routes, the fallback route and enrichments.
    public var routing: RoutingConfiguration
    /// The storage container devices upload files to, and file-upload notifications.
    public var fileUpload: FileUploadSettings

    public init(
        name: String, skuName: String, units: Int, eventHub: EventHubSettings = EventHubSettings(),
        cloudToDevice: CloudToDeviceSettings = CloudToDeviceSettings(), routing: RoutingConfiguration = RoutingConfiguration(),
        fileUpload: FileUploadSettings = FileUploadSettings()
    ) {
        self.name = name
        hostName = name + ".azure-devices.net"
        self.skuName = skuName
        self.units = units
        self.eventHub = eventHub
        self.cloudToDevice = cloudToDevice
        self.routing = routing
        self.fileUpload = fileUpload
    }

    /// The tier named by the SKU's letter.
    public var tier: HubTier { HubTier(skuName: skuName) }

    /// How many devices the tier allows: 500 on F1, otherwise the registry limit.
    public var maximumDevices: Int {
        tier == .free ? 500 : IdentityRules.maximumIdentities
    }
}
