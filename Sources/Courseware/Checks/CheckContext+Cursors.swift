import Foundation
import HubEngine
import WorkspaceStore

/// How far a journal-reading check got: the last sequence it read and what it folded so far.
struct JournalCursor<State: Sendable>: Sendable {
    var after: Int64
    var state: State
}

extension CheckContext {
    /// Folds the hub's journal events of `kinds` into a state, oldest first, reading only the
    /// events past this check's cursor when the grader keeps cursors (and all of them otherwise),
    /// then keeps the new cursor for the next run.
    func fold<State: Sendable>(
        journalOfHub name: String, kinds: Set<String>, from initial: State, _ update: (inout State, JournalRecord) -> Void
    ) async throws -> State {
        let scope = IoTHub.storageScope(forHub: name)
        var cursor = JournalCursor(after: 0, state: initial)
        if let kept = await self.cursor(as: JournalCursor<State>.self) { cursor = kept }
        var read = 0
        while true {
            let page = try cloud.workspace.journal(after: cursor.after, limit: Self.journalPage)
            read += page.count
            for record in page where record.scope == scope && kinds.contains(record.kind) { update(&cursor.state, record) }
            if let last = page.last { cursor.after = last.sequence }
            if page.count < Self.journalPage { break }
        }
        await keep(cursor, rowsRead: read)
        return cursor.state
    }

    static let journalPage = 5000
}

extension CheckContext {
    /// This check's cursor from its last run, if the grader keeps cursors and it left one.
    func cursor<Cursor: Sendable>(as type: Cursor.Type) async -> Cursor? {
        guard let cursors, let cursorKey else { return nil }
        return await cursors.cursor(cursorKey, as: type)
    }

    /// Keeps this check's cursor for its next run (`nil`: it starts over next time) and counts
    /// the rows it read.
    func keep<Cursor: Sendable>(_ cursor: Cursor?, rowsRead rows: Int) async {
        guard let cursors, let cursorKey else { return }
        if let cursor { await cursors.keep(cursor, for: cursorKey, rowsRead: rows) } else { await cursors.forget(cursorKey, rowsRead: rows) }
    }
}
