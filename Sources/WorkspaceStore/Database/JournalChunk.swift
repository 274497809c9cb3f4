import Foundation

/// Consecutive journal events of one kind, scope and time stored as one `journal` row.
///
/// Telemetry journals a `MessageRouted` event for every message; a batch's events share their
/// time, kind and scope, and one insert per event was a tenth of ingest time. Such a row holds
/// up to `maximumEvents` events: its `sequence` is the LAST event's number (so AUTOINCREMENT
/// goes on after all of them), `event_count` how many it holds, and its payload each event's
/// subject and payload as `PackedFields`. A row of one event is stored as before (every row
/// written before chunks existed is one); readers see single events with their own numbers.
enum JournalChunk {
    /// The most events one row holds.
    static let maximumEvents = 256

    /// Whether `next` may share the row that `head` starts.
    static func canShareRow(_ head: JournalDraft, _ next: JournalDraft) -> Bool {
        next.time == head.time && next.kind == head.kind && next.scope == head.scope
    }

    /// The subject and payload of each of the `count` events of a row; `nil` when the row does
    /// not hold that many.
    static func unpack(_ data: Data, count: Int) -> [(subject: String, payload: Data)]? {
        guard let fields = PackedFields.unpack(data, count: count * 2) else { return nil }
        return stride(from: 0, to: fields.count, by: 2).map { index in
            (String(decoding: fields[index], as: UTF8.self), fields[index + 1])
        }
    }
}
