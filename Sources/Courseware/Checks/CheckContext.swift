import Foundation
import HubEngine
import LocalCloud
import WorkspaceStore

/// What checks read: the local cloud, the lab's hub, lab time, and the journal.
public struct CheckContext: Sendable {
    public let cloud: LocalCloud
    /// The lab's hub, for checks that name none.
    public let hubName: String
    /// Lab time when the checks run (windows such as `within` count back from it).
    public let now: Date

    public init(cloud: LocalCloud, hubName: String, now: Date) {
        self.cloud = cloud
        self.hubName = hubName
        self.now = now
    }

    /// The hub's engine, or `nil` when the hub does not exist (yet): a failure, not an error.
    func hub(_ name: String) async -> IoTHub? {
        try? await cloud.engine(forHub: name)
    }

    /// The hub's journal events of `kinds`, oldest first, read in pages.
    func journal(ofHub name: String, kinds: Set<String>) throws -> [JournalRecord] {
        let scope = IoTHub.storageScope(forHub: name)
        var found: [JournalRecord] = []
        var after: Int64 = 0
        while true {
            let page = try cloud.workspace.journal(after: after, limit: 5000)
            found += page.filter { $0.scope == scope && kinds.contains($0.kind) }
            guard let last = page.last, page.count == 5000 else { return found }
            after = last.sequence
        }
    }

    static func noHub(_ name: String, expected: String) -> CheckOutcome {
        CheckOutcome(passed: false, expected: expected, actual: "no IoT hub named \(name)")
    }
}

/// The journal kinds that change what the registry and twins hold.
enum JournalKinds {
    static let hubs: Set<String> = ["IotHubCreated", "IotHubUpdated", "IotHubDeleted"]
    static let registry: Set<String> = [
        "DeviceCreated", "DeviceUpdated", "DeviceDeleted", "ModuleCreated", "ModuleUpdated", "ModuleDeleted", "DevicesImported",
    ]
    static let twins: Set<String> = registry.union(["TwinUpdated", "ReportedPropertiesUpdated", "ConnectionChanged"])
    static let routing: Set<String> = hubs.union(["IotHubRoutingUpdated"])
}
