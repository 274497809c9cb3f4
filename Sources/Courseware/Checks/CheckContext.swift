import Foundation
import HubEngine
import LocalCloud
import WorkspaceStore

/// What checks read: the local cloud, the lab's hub, lab time, and the journal (from where the
/// check got to last time, when the grader keeps `CheckCursors`).
public struct CheckContext: Sendable {
    public let cloud: LocalCloud
    /// The lab's hub, for checks that name none.
    public let hubName: String
    /// Lab time when the checks run (windows such as `within` count back from it).
    public let now: Date

    /// Where this check got to on earlier runs, when the grader keeps cursors.
    let cursors: CheckCursors?
    let cursorKey: CheckCursors.Key?

    public init(cloud: LocalCloud, hubName: String, now: Date) {
        self.init(cloud: cloud, hubName: hubName, now: now, cursors: nil, cursorKey: nil)
    }

    init(cloud: LocalCloud, hubName: String, now: Date, cursors: CheckCursors?, cursorKey: CheckCursors.Key?) {
        self.cloud = cloud
        self.hubName = hubName
        self.now = now
        self.cursors = cursors
        self.cursorKey = cursorKey
    }

    /// The hub's engine, or `nil` when the hub does not exist (yet): a failure, not an error.
    func hub(_ name: String) async -> IoTHub? {
        try? await cloud.engine(forHub: name)
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
