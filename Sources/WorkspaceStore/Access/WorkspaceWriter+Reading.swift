import Foundation

/// A write can read what it is about to change, in the same transaction, through the same code
/// as `WorkspaceReader`.
extension WorkspaceWriter: WorkspaceReading {
    public func record(scope: String, collection: String, key: String) throws -> Data? {
        try reader.record(scope: scope, collection: collection, key: key)
    }

    public func records(scope: String, collection: String) throws -> [StoredRecord] {
        try reader.records(scope: scope, collection: collection)
    }

    public func scopes() throws -> [String] {
        try reader.scopes()
    }

    public func allRecords() throws -> [StoredRecord] {
        try reader.allRecords()
    }

    public func journal(after sequence: Int64, limit: Int) throws -> [JournalRecord] {
        try reader.journal(after: sequence, limit: limit)
    }

    public func lastJournalSequence() throws -> Int64 {
        try reader.lastJournalSequence()
    }
}
