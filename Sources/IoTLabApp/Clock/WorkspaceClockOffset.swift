import Foundation
import WorkspaceStore

/// How far `iotlab clock advance` has moved a workspace's clock ahead of real time, kept in the
/// workspace so that every process opening it (the workbench, `iotlab serve`, a one-shot
/// `iotlab az`) agrees on lab time: a C2D message that expired for one has expired for all.
enum WorkspaceClockOffset {
    static let scope = "workspace"
    static let collection = "settings"
    static let key = "clockOffset"

    /// The stored offset in seconds; 0 for a workspace whose clock was never advanced.
    static func load(from workspace: Workspace) throws -> TimeInterval {
        let body = try workspace.read { try $0.record(scope: scope, collection: collection, key: key) }
        guard let body, let text = String(data: body, encoding: .utf8), let seconds = TimeInterval(text), seconds >= 0 else {
            return 0
        }
        return seconds
    }

    static func save(_ seconds: TimeInterval, to workspace: Workspace) throws {
        try workspace.write { try $0.put(scope: scope, collection: collection, key: key, body: Data(String(seconds).utf8)) }
    }
}
