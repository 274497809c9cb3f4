import Foundation
import GRDB

/// The journal table's SQL. Times are stored as seconds since Foundation's reference date, the
/// `Date`'s own representation, so they read back bit-for-bit equal.
extension Database {
    /// Appends an event; `sequence` nil lets SQLite give the next number, an explicit one is kept
    /// (workspace import).
    @discardableResult
    func insertJournal(_ draft: JournalDraft, sequence: Int64? = nil) throws -> JournalRecord {
        try executeCached(
            "INSERT INTO journal (sequence, time, kind, scope, subject, payload) VALUES (?, ?, ?, ?, ?, ?)",
            [sequence, draft.time.timeIntervalSinceReferenceDate, draft.kind, draft.scope, draft.subject,
             draft.payload])
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
