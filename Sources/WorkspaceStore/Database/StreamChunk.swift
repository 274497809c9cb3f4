import Foundation

/// Consecutive events of one partition stored as one `stream_event` row.
///
/// Ingest appends a batch's copies to each partition together, all enqueued at the same
/// instant; one row per event cost an insert per event, the largest write cost of telemetry.
/// A row now holds up to `maximumEvents` consecutive events that share their enqueued time:
/// its `sequence` is the first event's, `event_count` how many it holds. A row of one event
/// keeps the payload as it is (every row written before chunks existed is one of these); a row
/// of several holds the payloads as `PackedFields`. Readers, retention (by enqueued time, which
/// a row's events share) and cursors (by sequence) see single events.
enum StreamChunk {
    /// The most events one row holds, so that a reader starting mid-row decodes little it skips.
    static let maximumEvents = 256

    /// The `count` payloads of a row; `nil` when the row does not hold that many whole ones.
    static func unpack(_ data: Data, count: Int) -> [Data]? {
        count == 1 ? [data] : PackedFields.unpack(data, count: count)
    }
}
