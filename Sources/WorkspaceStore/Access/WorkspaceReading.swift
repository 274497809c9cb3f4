import Foundation

/// What can be read from a workspace inside a transaction: records and the journal.
///
/// Both `WorkspaceReader` and `WorkspaceWriter` conform, so an engine's loading code can take
/// either and a write can read what it is about to change in the same transaction.
public protocol WorkspaceReading {
    /// The body stored under `scope`/`collection`/`key`, or nil when there is none.
    func record(scope: String, collection: String, key: String) throws -> Data?
    /// Every record of one collection, ordered by key.
    func records(scope: String, collection: String) throws -> [StoredRecord]
    /// Every scope that holds at least one record, in order.
    func scopes() throws -> [String]
    /// Every record, ordered by scope, collection and key (workspace export, start-up).
    func allRecords() throws -> [StoredRecord]
    /// Up to `limit` events with a sequence number above `sequence`, ascending; none when
    /// `limit` is not positive. Readers page by passing the last sequence they saw.
    func journal(after sequence: Int64, limit: Int) throws -> [JournalRecord]
    /// The highest sequence number in the journal, 0 when it is empty.
    func lastJournalSequence() throws -> Int64
}
