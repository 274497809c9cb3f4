import Foundation
import HubEngine
import JSONValue
import LabCore
import ProvisioningEngine
import WorkspaceStore

/// The local "subscription": resource groups, IoT hubs, storage accounts, provider registrations
/// and CLI extensions, with one clock and one journal.
///
/// Every front door (the az console, the TUI, REST) reaches hubs through this actor, as the portal,
/// the CLI and the SDKs all reach Azure through Resource Manager. State is kept in memory and
/// written through the workspace before a call returns, so what a learner built survives a restart.
public actor LocalCloud {
    public nonisolated let workspace: Workspace
    public nonisolated let clock: any LabClock
    public nonisolated let subscription: Subscription

    var groups: [String: ResourceGroup] = [:]
    var hubResources: [String: HubResource] = [:]
    /// The data planes opened so far: a hub is loaded the first time a command needs it, so
    /// `az group list` on a workspace with 100,000 devices does not read them all.
    var engines: [String: IoTHub] = [:]
    var storage: [String: StorageAccount] = [:]
    var registrations: [String: ProviderRegistration] = [:]
    var installedExtensions: [String: CLIExtension] = [:]
    /// DPS instances and, per instance, enrollments and registrations (the `Provisioning` folder).
    var provisioningServices: [String: ProvisioningServiceResource] = [:]
    var provisioningRecords: [String: ProvisioningRecords] = [:]
    /// The last register operation of each device, by DPS key and lower-cased registration id.
    var registrationOperations: [String: RegistrationOperation] = [:]

    /// The resource group hubs and accounts land in when a command names none.
    public static let defaultResourceGroup = "iotlab"
    /// The location resources get when neither they nor their group name one.
    public static let defaultLocation = "local"

    /// Opens the subscription stored in `workspace`, creating it on first use.
    public init(workspace: Workspace, clock: any LabClock) throws {
        self.workspace = workspace
        self.clock = clock
        let stored = try CloudState.load(from: workspace)
        subscription = stored.subscription
        groups = stored.groups
        hubResources = stored.hubs
        storage = stored.storageAccounts
        registrations = stored.providers
        installedExtensions = stored.extensions
        provisioningServices = stored.provisioningServices
        provisioningRecords = stored.provisioningRecords
    }
}

extension HubResource {
    /// What the hub's data plane needs to know of its resource.
    var settings: HubSettings {
        HubSettings(name: name, skuName: sku.name, units: units, eventHub: eventHub, cloudToDevice: cloudToDevice, routing: routing,
            fileUpload: fileUpload)
    }
}
