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

    /// Appends `drafts` in order; consecutive ones of the same time, kind and scope share a row
    /// (`JournalChunk`). Returns the sequence numbers they got.
    func insertJournal(contentsOf drafts: [JournalDraft]) throws -> ClosedRange<Int64>? {
        var numbers: ClosedRange<Int64>?
        var start = drafts.startIndex
        while start < drafts.endIndex {
            let head = drafts[start]
            var end = start + 1
            while end < drafts.endIndex, JournalChunk.canShareRow(head, drafts[end]) { end += 1 }
            var batch = JournalEventBatch(time: head.time, kind: head.kind, scope: head.scope)
            for draft in drafts[start..<end] { batch.append(subject: draft.subject, payload: [UInt8](draft.payload)) }
            if let range = try insertJournal(batch) { numbers = (numbers?.lowerBound ?? range.lowerBound)...range.upperBound }
            start = end
        }
        return numbers
    }

    /// Appends the events of `batch` in order, up to `JournalChunk.maximumEvents` to a row (a row
    /// of one is stored as a single event). Returns the sequence numbers they got.
    func insertJournal(_ batch: JournalEventBatch) throws -> ClosedRange<Int64>? {
        var numbers: ClosedRange<Int64>?
        for start in stride(from: 0, to: batch.count, by: JournalChunk.maximumEvents) {
            let rows = start..<min(start + JournalChunk.maximumEvents, batch.count)
            let last: Int64
            if rows.count == 1 {
                let event = batch.event(at: start)
                last = try insertJournal(
                    JournalDraft(time: batch.time, kind: batch.kind, scope: batch.scope, subject: event.subject, payload: event.payload)).sequence
            } else {
                // The row takes the last number of its events, so that AUTOINCREMENT continues
                // after all of them and `sequence > n` finds every row holding an event past n.
                try executeCached("""
                    INSERT INTO journal (sequence, time, kind, scope, subject, payload, event_count)
                    VALUES ((SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'journal') + ?, ?, ?, ?, '', ?, ?)
                    """,
                    [rows.count, batch.time.timeIntervalSinceReferenceDate, batch.kind, batch.scope, batch.rowPayload(rows), rows.count])
                last = lastInsertedRowID
            }
            numbers = (numbers?.lowerBound ?? last - Int64(rows.count - 1))...last
        }
        return numbers
    }

    /// Up to `limit` events after `sequence`, ascending, a row of several read as its events.
    /// - Throws: `WorkspaceStoreError.malformedJournalRow` for a row whose events cannot be read.
    func journal(after sequence: Int64, limit: Int) throws -> [JournalRecord] {
        guard limit > 0 else { return [] }  // SQLite reads a negative LIMIT as "no limit"
        let statement = try cachedStatement(sql: """
            SELECT sequence, time, kind, scope, subject, payload, event_count FROM journal
            WHERE sequence > ? ORDER BY sequence
            """)
        let rows = try Row.fetchCursor(statement, arguments: [sequence])
        var records: [JournalRecord] = []
        while records.count < limit, let row = try rows.next() {
            let last: Int64 = row[0]
            let time = Date(timeIntervalSinceReferenceDate: row[1])
            let count: Int = row[6]
            guard count > 1 else {
                records.append(JournalRecord(sequence: last, time: time, kind: row[2], scope: row[3], subject: row[4], payload: row[5]))
                continue
            }
            guard let events = JournalChunk.unpack(row[5], count: count) else {
                throw WorkspaceStoreError.malformedJournalRow(sequence: last)
            }
            let kind: String = row[2]
            let scope: String = row[3]
            let first = last - Int64(count - 1)
            for (offset, event) in events.enumerated() where first + Int64(offset) > sequence && records.count < limit {
                records.append(JournalRecord(
                    sequence: first + Int64(offset), time: time, kind: kind, scope: scope, subject: event.subject, payload: event.payload))
            }
        }
        return records
    }

    func lastJournalSequence() throws -> Int64 {
        try Int64.fetchOne(cachedStatement(sql: "SELECT MAX(sequence) FROM journal")) ?? 0
    }
}
