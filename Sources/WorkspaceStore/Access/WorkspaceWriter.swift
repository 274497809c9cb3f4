import Foundation
import GRDB

/// Write access to a workspace, handed to the closure of `Workspace.write(_:)`; it reads as a
/// `WorkspaceReader` does, seeing its own uncommitted changes.
///
/// Valid only inside that closure. Everything done through it commits together when the closure
/// returns, durably, or not at all when it throws: an engine puts its records and appends the
/// event describing the change in one transaction, so the journal never disagrees with the state
/// (DESIGN.md, principles 4 and 6).
public struct WorkspaceWriter: WorkspaceReading {
    public let connection: WorkspaceConnection

    /// Stores `body` under `scope`/`collection`/`key`, replacing what was there.
    public func put(scope: String, collection: String, key: String, body: Data) throws {
        try database.upsertRecord(scope: scope, collection: collection, key: key, body: body)
    }

    /// Removes one record; removing a record that is not there is not an error.
    public func delete(scope: String, collection: String, key: String) throws {
        try database.deleteRecord(scope: scope, collection: collection, key: key)
    }

    /// Removes every record of one collection in `scope`.
    public func deleteCollection(scope: String, collection: String) throws {
        try database.deleteRecords(scope: scope, collection: collection)
    }

    /// Removes every record and stream in `scope` (e.g. a deleted hub), leaving other scopes and
    /// the journal untouched: the journal is append-only and keeps the history of what was deleted.
    public func deleteScope(_ scope: String) throws {
        try database.deleteScope(scope)
    }

    /// Appends `event` to the journal and returns it with its sequence number.
    @discardableResult
    public func append(_ event: JournalDraft) throws -> JournalRecord {
        try database.insertJournal(event)
    }

    /// Appends `events` in order and returns the sequence numbers they got (nil for none).
    /// Consecutive events of one time, kind and scope (a telemetry batch's `MessageRouted`
    /// events) are stored together; readers see each with its own number.
    @discardableResult
    public func append(contentsOf events: [JournalDraft]) throws -> ClosedRange<Int64>? {
        try database.insertJournal(contentsOf: events)
    }

    /// Appends a batch of events of one time, kind and scope (see `JournalEventBatch`) in order and
    /// returns the sequence numbers they got (nil for none), stored as `append(contentsOf:)` stores them.
    @discardableResult
    public func append(_ batch: JournalEventBatch) throws -> ClosedRange<Int64>? {
        try database.insertJournal(batch)
    }
}
