import Foundation
import WorkspaceStore

/// A unique folder under the system's temporary directory (created by whoever uses it), removed
/// with everything in it when released. A suite holds one as a stored property: Swift Testing
/// makes a suite value per test, so each test gets its own folder and leaves nothing behind.
final class TemporaryFolder {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("iotlab-store-tests-\(UUID().uuidString)", isDirectory: true)

    /// A workspace home in this folder, not yet created.
    var home: WorkspaceHome { WorkspaceHome(folder: url) }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
