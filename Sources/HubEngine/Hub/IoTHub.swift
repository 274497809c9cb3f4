import Foundation
import JSONValue
import LabCore
import WorkspaceStore

/// One IoT hub's data plane: the identity registry, device and module twins, and twin queries.
///
/// State lives in the workspace under the scope `hub:<name>` and is loaded in `init`; every
/// mutation is validated in full first, then written in one workspace transaction together with
/// its journal events, and only then applied to memory. Nothing is ever half-written.
public actor IoTHub {
    /// Name, host name, SKU and units; the SKU decides the tier's limits and features.
    public private(set) var settings: HubSettings
    let workspace: Workspace
    let clock: any LabClock
    /// `hub:<name>`, the workspace scope holding this hub's records and events.
    let scope: String
    var state = HubState()
    /// The last generation id handed out, so ids stay unique when the clock stands still.
    var lastGenerationTicks: Int64 = 0
    /// Connected devices and modules.
    var sessions = SessionRegistry()
    /// Per-device cloud-to-device queues.
    var cloudToDevice: CloudToDeviceQueues
    /// Direct-method calls awaiting answers.
    var methodCalls = PendingMethodCalls()
    /// Telemetry from device sessions waiting for the next group commit.
    nonisolated let pendingSends = PendingSessionSends()
    /// File uploads handed a SAS URI and not yet completed.
    var fileUploads = ActiveFileUploads()
    /// Compiled routes, quota meter and throttles of the telemetry path.
    var telemetry = TelemetryPipeline()
    /// The built-in and custom endpoints.
    var endpoints: EndpointSet
    /// Counters under Azure Monitor's metric names.
    var metrics = HubMetrics()
    /// The counters' values this process has written to the workspace (added to what other
    /// processes wrote), so each write adds only the growth since.
    var savedMetricCounts: [String: Int] = [:]

    /// Opens the hub named in `settings`, loading everything its scope holds in `workspace`.
    public init(settings: HubSettings, workspace: Workspace, clock: any LabClock) throws {
        self.settings = settings
        self.workspace = workspace
        self.clock = clock
        scope = Self.storageScope(forHub: settings.name)
        (state, lastGenerationTicks) = try Self.loadedState(scope: scope, workspace: workspace)
        cloudToDevice = try CloudToDeviceQueues(workspace: workspace, scope: scope)
        endpoints = try EndpointSet(workspace: workspace, scope: scope, settings: settings)
        // Only now are the record texts and parse trees of the load all freed.
        FreedMemory.returnToSystem()
    }

    /// The state held under `scope`, and the highest generation id in it.
    private static func loadedState(scope: String, workspace: Workspace) throws -> (HubState, Int64) {
        let records = try workspace.read { reader in
            (
                try reader.records(scope: scope, collection: HubChange.devicesCollection),
                try reader.records(scope: scope, collection: HubChange.modulesCollection),
                try reader.records(scope: scope, collection: HubChange.twinsCollection)
            )
        }
        let devices = try decoded(records.0) { try DeviceIdentity(json: $0) }
        let modules = try decoded(records.1) { try ModuleIdentity(json: $0) }
        var twinStates = try decoded(records.2) { TwinState(stored: $0) }
        var interner = JSONInterner()
        for index in twinStates.indices { twinStates[index].intern(with: &interner) }
        let twins = Dictionary(zip(records.2.map(\.key), twinStates), uniquingKeysWith: { _, last in last })
        var state = HubState()
        state.load(devices: devices, modules: modules, twins: twins)
        let lastGenerationTicks = (devices.map(\.generationId) + modules.map(\.generationId)).compactMap { Int64($0) }.max() ?? 0
        return (state, lastGenerationTicks)
    }

    /// Parses stored records on all cores (most of the cost of opening a large hub).
    private static func decoded<Value: Sendable>(
        _ records: [StoredRecord], _ decode: @Sendable (JSONValue) throws -> Value
    ) throws -> [Value] {
        try ParallelMap.map(records) { record in Result { try decode(JSONValue(parsing: record.body)) } }.map { try $0.get() }
    }

    /// Takes a new SKU or unit count (Resource Manager persists the settings themselves).
    public func apply(_ settings: HubSettings) {
        self.settings = settings
        endpoints.settingsChanged(settings)
    }

    /// The workspace scope that holds a hub's records: `hub:<name>`. Resource Manager deletes it
    /// in the same transaction as the hub's resource record, without opening the hub.
    public static func storageScope(forHub name: String) -> String {
        "hub:" + name
    }

    /// How many devices are registered (modules not counted).
    public var deviceCount: Int { state.deviceCount }

    // MARK: - Shared machinery

    /// Refuses what the basic tier cannot do (twins, modules, IoT Edge, queries).
    func requireStandardFeatures(_ operation: String) throws(HubError) {
        if settings.tier == .basic {
            throw .operationNotAvailableInCurrentTier(operation: operation, skuName: settings.skuName)
        }
    }

    /// A fresh generation id: .NET ticks of now, strictly increasing within the hub.
    func newGenerationId() -> String {
        lastGenerationTicks = max(AzureTimestamp.dotNetTicks(clock.now()), lastGenerationTicks + 1)
        return String(lastGenerationTicks)
    }

    /// The current time as Azure writes it in twin metadata.
    func timestamp() -> String { AzureTimestamp.string(clock.now()) }

    /// Writes a change and its events in one transaction, then applies it to memory. With
    /// `chargingQuotaFor`, the operation is first counted against the daily message quota
    /// (refused with 403002 when the day is used up) and the count is written with the change.
    func commit(_ change: HubChange, chargingQuotaFor payloadBytes: Int? = nil) throws(HubError) {
        let quotaBefore = try payloadBytes.map { (bytes) throws(HubError) in try chargeQuota(payloadBytes: bytes, at: clock.now()) }
        do {
            try persist(change, persistingQuota: payloadBytes != nil)
        } catch {
            if let quotaBefore { telemetry.quota = quotaBefore }
            throw error
        }
        state.apply(change)
        changeCommitted(change)
    }

    /// Writes a change's records and events in one transaction, with the routing of the system
    /// events it causes and, when asked, the quota's count.
    func persist(_ change: HubChange, persistingQuota: Bool = false) throws(HubError) {
        try write(change.storeRows(), events: change.events, at: clock.now(), persistingQuota: persistingQuota) { writer, time in
            try routeSystemEvents(of: change, in: writer, at: time)
        }
    }
}
