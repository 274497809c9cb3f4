import Foundation
import GRDB

/// The record table's SQL, in one place, shared by `WorkspaceReader`, `WorkspaceWriter` and
/// `Workspace`; every statement is cached on the connection.
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
        try executeCached("""
            INSERT INTO record (scope, collection, "key", body) VALUES (?, ?, ?, ?)
            ON CONFLICT (scope, collection, "key") DO UPDATE SET body = excluded.body
            """, [scope, collection, key, body])
    }

    /// Inserts a record that must not exist yet (import); a duplicate fails with SQLITE_CONSTRAINT.
    func insertRecord(_ record: StoredRecord) throws {
        try executeCached(
            #"INSERT INTO record (scope, collection, "key", body) VALUES (?, ?, ?, ?)"#,
            [record.scope, record.collection, record.key, record.body])
    }

    func deleteRecord(scope: String, collection: String, key: String) throws {
        try executeCached(
            #"DELETE FROM record WHERE scope = ? AND collection = ? AND "key" = ?"#, [scope, collection, key])
    }

    func deleteRecords(scope: String, collection: String) throws {
        try executeCached("DELETE FROM record WHERE scope = ? AND collection = ?", [scope, collection])
    }

    /// Removes a scope's records and its streams with their cursors.
    func deleteScope(_ scope: String) throws {
        try executeCached("DELETE FROM record WHERE scope = ?", [scope])
        try executeCached("DELETE FROM stream_event WHERE scope = ?", [scope])
        try executeCached("DELETE FROM stream_partition WHERE scope = ?", [scope])
        try executeCached("DELETE FROM stream_cursor WHERE scope = ?", [scope])
    }

    /// Empties every table (reset, import). The journal's AUTOINCREMENT counter survives, so
    /// sequence numbers are not reused.
    func deleteEverything() throws {
        try execute(sql: """
            DELETE FROM record; DELETE FROM journal;
            DELETE FROM stream_event; DELETE FROM stream_partition; DELETE FROM stream_cursor
            """)
    }
}
