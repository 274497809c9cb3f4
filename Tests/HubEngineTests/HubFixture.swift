import Foundation
import HubEngine
import JSONValue
import LabCore
import WorkspaceStore

/// A hub on a real in-memory SQLite workspace and a manual clock.
struct HubFixture {
    let workspace: Workspace
    let clock: ManualClock
    let hub: IoTHub

    init(sku: String = "S1", workspace: Workspace? = nil, clock: ManualClock = ManualClock()) throws {
        let workspace = try workspace ?? Workspace.inMemory()
        self.workspace = workspace
        self.clock = clock
        hub = try IoTHub(settings: HubSettings(name: "lab-hub", skuName: sku, units: 1), workspace: workspace, clock: clock)
    }

    /// The journal kinds written so far, oldest first.
    func journalKinds() throws -> [String] {
        try workspace.journal(after: 0, limit: 10_000).map(\.kind)
    }
}

/// Parses JSON written in a test.
func json(_ text: String) throws -> JSONValue {
    try JSONValue(parsing: text)
}

/// A base64 key of `count` bytes.
func base64Key(bytes count: Int) -> String {
    Data(repeating: 7, count: count).base64EncodedString()
}

/// Runs `body` with a workspace file in a fresh folder that is removed afterwards, for tests
/// that reopen a hub from its file.
func withWorkspaceFile(_ body: (URL) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try await body(folder.appendingPathComponent("workspace.sqlite"))
}
