import Foundation
import GRDB

/// The store's SQL, in one place, shared by `WorkspaceReader`, `WorkspaceWriter` and `Workspace`.
///
/// Every statement is a cached prepared statement: importing 100k devices is ~200k puts in one
/// transaction, and re-preparing each would dominate the time.
extension Database {
    func recordBody(scope: String, collection: String, key: String) throws -> Data? {
        let statement = try cachedStatement(
            sql: #"SELECT body FROM record WHERE scope = ? AND collection = ? AND "key" = ?"#)
        return try Data.fetchOne(statement, arguments: [scope, collection, key])
    }

    func records(scope: String, collection: String) throws -> [StoredRecord] {
        let statement = try cachedStatement(
            sql: #"SELECT "key", body FROM record WHERE scope = ? AND collection = ? ORDER BY "key""#)
        return try Array(Row.fetchCursor(statement, arguments: [scope, collection]).map { row in
            StoredRecord(scope: scope, collection: collection, key: row[0], body: row[1])
        })
    }

    func allRecords() throws -> [StoredRecord] {
        let statement = try cachedStatement(
            sql: #"SELECT scope, collection, "key", body FROM record ORDER BY scope, collection, "key""#)
        return try Array(Row.fetchCursor(statement).map { row in
            StoredRecord(scope: row[0], collection: row[1], key: row[2], body: row[3])
        })
    }

    func recordScopes() throws -> [String] {
        try String.fetchAll(cachedStatement(sql: "SELECT DISTINCT scope FROM record ORDER BY scope"))
    }

    func upsertRecord(scope: String, collection: String, key: String, body: Data) throws {
        let statement = try cachedStatement(sql: """
            INSERT INTO record (scope, collection, "key", body) VALUES (?, ?, ?, ?)
            ON CONFLICT (scope, collection, "key") DO UPDATE SET body = excluded.body
            """)
        try statement.execute(arguments: [scope, collection, key, body])
    }

    /// Inserts a record that must not exist yet (import); a duplicate fails with SQLITE_CONSTRAINT.
    func insertRecord(_ record: StoredRecord) throws {
        let statement = try cachedStatement(
            sql: #"INSERT INTO record (scope, collection, "key", body) VALUES (?, ?, ?, ?)"#)
        try statement.execute(arguments: [record.scope, record.collection, record.key, record.body])
    }

    func deleteRecord(scope: String, collection: String, key: String) throws {
        let statement = try cachedStatement(
            sql: #"DELETE FROM record WHERE scope = ? AND collection = ? AND "key" = ?"#)
        try statement.execute(arguments: [scope, collection, key])
    }

    func deleteRecords(scope: String, collection: String) throws {
        try cachedStatement(sql: "DELETE FROM record WHERE scope = ? AND collection = ?")
            .execute(arguments: [scope, collection])
    }

    func deleteRecords(scope: String) throws {
        try cachedStatement(sql: "DELETE FROM record WHERE scope = ?").execute(arguments: [scope])
    }

    func deleteEverything() throws {
        try execute(sql: "DELETE FROM record; DELETE FROM journal")
    }

    /// Appends an event; `sequence` nil lets SQLite give the next number, an explicit one is kept
    /// (workspace import).
    @discardableResult
    func insertJournal(_ draft: JournalDraft, sequence: Int64? = nil) throws -> JournalRecord {
        let statement = try cachedStatement(sql: """
            INSERT INTO journal (sequence, time, kind, scope, subject, payload) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            sequence, draft.time.timeIntervalSinceReferenceDate, draft.kind, draft.scope,
            draft.subject, draft.payload,
        ])
        return JournalRecord(sequence: lastInsertedRowID, draft: draft)
    }

    func journal(after sequence: Int64, limit: Int) throws -> [JournalRecord] {
        guard limit > 0 else { return [] }  // SQLite reads a negative LIMIT as "no limit"
        let statement = try cachedStatement(sql: """
            SELECT sequence, time, kind, scope, subject, payload FROM journal
            WHERE sequence > ? ORDER BY sequence LIMIT ?
            """)
        return try Array(Row.fetchCursor(statement, arguments: [sequence, limit]).map { row in
            JournalRecord(
                sequence: row[0], time: Date(timeIntervalSinceReferenceDate: row[1]), kind: row[2],
                scope: row[3], subject: row[4], payload: row[5])
        })
    }

    func lastJournalSequence() throws -> Int64 {
        try Int64.fetchOne(cachedStatement(sql: "SELECT MAX(sequence) FROM journal")) ?? 0
    }
}
