import Foundation
import GRDB

/// Read access to a workspace, handed to the closure of `Workspace.read(_:)`.
///
/// Valid only inside that closure: it borrows the connection, and everything it reads comes from
/// one consistent snapshot.
public struct WorkspaceReader: WorkspaceReading {
    let database: Database

    init(_ database: Database) {
        self.database = database
    }

    public func record(scope: String, collection: String, key: String) throws -> Data? {
        try database.recordBody(scope: scope, collection: collection, key: key)
    }

    public func records(scope: String, collection: String) throws -> [StoredRecord] {
        try database.records(scope: scope, collection: collection)
    }

    public func scopes() throws -> [String] {
        try database.recordScopes()
    }

    public func allRecords() throws -> [StoredRecord] {
        try database.allRecords()
    }

    public func journal(after sequence: Int64, limit: Int) throws -> [JournalRecord] {
        try database.journal(after: sequence, limit: limit)
    }

    public func lastJournalSequence() throws -> Int64 {
        try database.lastJournalSequence()
    }
}
