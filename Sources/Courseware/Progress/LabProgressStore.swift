import Foundation
import JSONValue
import WorkspaceStore

/// Lab progress in the workspace database, one record per lab in the store's generic records
/// table (scope `courseware`, collection `progress`), so it needs no schema migration and is
/// exported, imported and reset with the rest of the workspace.
public struct LabProgressStore: Sendable {
    static let scope = "courseware"
    static let collection = "progress"
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The progress of `labId`; a fresh one when the lab was never started.
    public func load(_ labId: String) throws -> LabProgress {
        let body = try workspace.read { try $0.record(scope: Self.scope, collection: Self.collection, key: labId) }
        guard let body, let json = try? JSONValue(parsing: body) else { return LabProgress(labId: labId) }
        return LabProgress(json: json, labId: labId)
    }

    /// Every lab with stored progress, by lab id.
    public func all() throws -> [String: LabProgress] {
        let records = try workspace.read { try $0.records(scope: Self.scope, collection: Self.collection) }
        var progress: [String: LabProgress] = [:]
        for record in records {
            guard let json = try? JSONValue(parsing: record.body) else { continue }
            progress[record.key] = LabProgress(json: json, labId: record.key)
        }
        return progress
    }

    public func save(_ progress: LabProgress) throws {
        let body = Data(progress.json.serialized(.compact).utf8)
        try workspace.write { try $0.put(scope: Self.scope, collection: Self.collection, key: progress.labId, body: body) }
    }

    public func delete(_ labId: String) throws {
        try workspace.write { try $0.delete(scope: Self.scope, collection: Self.collection, key: labId) }
    }
}
