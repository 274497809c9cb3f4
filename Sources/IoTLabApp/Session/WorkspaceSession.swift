import AzConsole
import Foundation
import LabCore
import LocalCloud
import WorkspaceStore

/// The open workspace of the process that holds it: its database and the local cloud over it.
///
/// Every workspace operation runs here, whether typed in this process or forwarded from another
/// shell, so the live hub sees each change at once.
public actor WorkspaceSession {
    public nonisolated let home: WorkspaceHome
    public nonisolated let workspace: Workspace
    public nonisolated let clock: any LabClock
    public private(set) var cloud: LocalCloud

    public init(home: WorkspaceHome, clock: any LabClock) throws {
        try home.createIfNeeded()
        self.home = home
        self.clock = clock
        workspace = try Workspace(fileURL: home.databaseURL)
        cloud = try LocalCloud(workspace: workspace, clock: clock)
    }

    /// Runs one operation and returns what it printed; never throws, as a CLI prints its errors.
    public func perform(_ operation: WorkspaceOperation, workingDirectory: URL, standardInput: String? = nil) async -> ConsoleResult {
        switch operation {
        case .az(let arguments):
            return await AzConsole(cloud: cloud).run(arguments, workingDirectory: workingDirectory, standardInput: standardInput)
        case .reset:
            return reloading("Workspace reset: every hub, device and event was removed.\n") {
                try workspace.erase()
            }
        case .export(let path):
            do {
                let snapshot = try WorkspaceSnapshot.capture(from: workspace, at: clock.now())
                try snapshot.write(to: URL(fileURLWithPath: path))
                return .success("Exported \(snapshot.records.count) records and \(snapshot.journal.count) events to \(path)\n")
            } catch {
                return .failure("Export failed: \(error)")
            }
        case .import(let path):
            let snapshot: WorkspaceSnapshot
            do {
                snapshot = try WorkspaceSnapshot.read(from: URL(fileURLWithPath: path))
            } catch {
                return .failure("Import failed, nothing was changed: \(error)")
            }
            return reloading("Imported \(snapshot.records.count) records and \(snapshot.journal.count) events from \(path)\n") {
                try workspace.replaceAll(records: snapshot.records, journal: snapshot.journal)
            }
        }
    }

    /// Applies a whole-workspace change, then rebuilds the cloud from what is now stored.
    private func reloading(_ success: String, _ change: () throws -> Void) -> ConsoleResult {
        do {
            try change()
        } catch {
            return .failure("Nothing was changed: \(error)")
        }
        do {
            cloud = try LocalCloud(workspace: workspace, clock: clock)
        } catch {
            return .failure("The workspace changed but could not be reopened: \(error)")
        }
        return .success(success)
    }
}
