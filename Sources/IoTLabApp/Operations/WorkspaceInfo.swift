import ControlSocket
import Foundation
import LocalCloud
import WorkspaceStore

/// What `iotlab info` reports: where the workspace is, what holds it, and the versions in use.
public struct WorkspaceInfo: Sendable {
    public let home: WorkspaceHome

    public init(home: WorkspaceHome) {
        self.home = home
    }

    /// The report as aligned `name  value` lines.
    public func report() async throws -> String {
        try home.createIfNeeded()
        let workspace = try Workspace(fileURL: home.databaseURL)
        let migrations = try workspace.appliedMigrations()
        let hubNames = try LocalCloud.storedHubNames(in: workspace)
        let provisioning = try LocalCloud.storedProvisioningServices(in: workspace)
        let holder: String
        if let lock = try WorkspaceLock.tryAcquire(home) {
            lock.release()
            holder = "no running iotlab (commands open it directly)"
        } else {
            holder = "a running iotlab; commands go through \(home.controlSocketURL.path)"
        }
        let rows: [(String, String)] = [
            ("iotlab", IoTLabVersion.current),
            ("workspace", home.folder.path),
            ("database", home.databaseURL.path),
            ("schema", migrations.last.map { "\($0) (\(migrations.count) migrations)" } ?? "empty"),
            ("sqlite", try workspace.sqliteVersion()),
            ("held by", holder),
            ("hubs", hubNames.isEmpty ? "none yet (iotlab az iot hub create --name NAME)" : hubNames.joined(separator: ", ")),
            ("provisioning", provisioning.isEmpty
                ? "no DPS yet (iotlab az iot dps create --name NAME)"
                : provisioning.map { "\($0.name) (ID scope \($0.idScope))" }.joined(separator: ", ")),
            ("blobs", home.blobsFolder.path + " (storage endpoints)"),
            ("lab time", try Self.labTime(in: workspace)),
            ("simulations", ContentFolder.locate().appendingPathComponent("simulations").path),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
    }

    /// Real time, or how far `iotlab clock advance` has moved the workspace's clock past it.
    private static func labTime(in workspace: Workspace) throws -> String {
        let offset = try WorkspaceClockOffset.load(from: workspace)
        return offset > 0 ? "real time + \(LabDuration(seconds: offset))" : "real time"
    }
}
