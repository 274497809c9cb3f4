import Foundation
import GRDB

/// What can be read from a workspace inside a transaction: records and the journal.
///
/// Both `WorkspaceReader` and `WorkspaceWriter` conform and share these implementations, so an
/// engine's loading code can take either, and a write can read what it is about to change in
/// the same transaction.
public protocol WorkspaceReading {
    /// The borrowed connection, valid only inside the `read` or `write` closure.
    var connection: WorkspaceConnection { get }
}

extension WorkspaceReading {
    /// The connection's database, for the store's own SQL.
    var database: Database { connection.database }

    /// The body stored under `scope`/`collection`/`key`, or nil when there is none.
    public func record(scope: String, collection: String, key: String) throws -> Data? {
        try database.recordBody(scope: scope, collection: collection, key: key)
    }

    /// Every record of one collection, ordered by key.
    public func records(scope: String, collection: String) throws -> [StoredRecord] {
        try database.records(scope: scope, collection: collection)
    }

    /// Every scope that holds at least one record, in order.
    public func scopes() throws -> [String] {
        try database.recordScopes()
    }

    /// Every record, ordered by scope, collection and key (workspace export, start-up).
    public func allRecords() throws -> [StoredRecord] {
        try database.allRecords()
    }

    /// Up to `limit` events with a sequence number above `sequence`, ascending; none when
    /// `limit` is not positive. Readers page by passing the last sequence they saw.
    public func journal(after sequence: Int64, limit: Int) throws -> [JournalRecord] {
        try database.journal(after: sequence, limit: limit)
    }

    /// The highest sequence number in the journal, 0 when it is empty.
    public func lastJournalSequence() throws -> Int64 {
        try database.lastJournalSequence()
    }
}
