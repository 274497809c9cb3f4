import Foundation
import GRDB

extension Workspace {
    /// Replaces every record and the whole journal in one transaction (workspace import).
    ///
    /// The journal keeps the imported sequence numbers, which must be positive and strictly
    /// increasing; records must be unique by scope, collection and key. On any error nothing
    /// changes. Later appends continue above every number this file has used.
    public func replaceAll(records: [StoredRecord], journal: [JournalRecord]) throws {
        try write { writer in
            let db = writer.database
            try db.deleteEverything()
            for record in records {
                do {
                    try db.insertRecord(record)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    throw WorkspaceStoreError.duplicateRecord(
                        scope: record.scope, collection: record.collection, key: record.key)
                }
            }
            var previous: Int64 = 0
            for event in journal {
                guard event.sequence > previous else {
                    throw WorkspaceStoreError.journalOutOfOrder(sequence: event.sequence, previous: previous)
                }
                let draft = JournalDraft(
                    time: event.time, kind: event.kind, scope: event.scope, subject: event.subject,
                    payload: event.payload)
                try db.insertJournal(draft, sequence: event.sequence)
                previous = event.sequence
            }
        }
    }

    /// Deletes every record and journal event in one transaction (workspace reset). Sequence
    /// numbers are not reused afterwards, so a reader's last-seen number stays meaningful.
    public func erase() throws {
        try write { writer in try writer.database.deleteEverything() }
    }
}
