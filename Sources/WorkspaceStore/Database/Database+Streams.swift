import Foundation
import GRDB

/// The stream tables' SQL, shared by the reader and writer; every statement is cached.
extension Database {
    /// Appends `events` in order, consecutive ones enqueued at the same instant sharing a row
    /// (`StreamChunk`), and returns the sequence numbers they got.
    func appendStreamEvents(_ events: [StreamEventDraft], to partition: StreamPartition) throws -> ClosedRange<Int64>? {
        var batches: [StreamEventBatch] = []
        for event in events {
            if batches.last?.enqueuedAt != event.enqueuedAt { batches.append(StreamEventBatch(enqueuedAt: event.enqueuedAt)) }
            batches[batches.count - 1].append([UInt8](event.payload))
        }
        return try appendStreamBatches(batches, to: partition)
    }

    /// Appends `batches` in order, each cut into rows of at most `StreamChunk.maximumEvents`, with
    /// one read and one update of the partition's next sequence number; returns the numbers the
    /// events got.
    func appendStreamBatches(_ batches: [StreamEventBatch], to partition: StreamPartition) throws -> ClosedRange<Int64>? {
        guard batches.contains(where: { $0.count > 0 }) else { return nil }
        let key: StatementArguments = [partition.scope, partition.stream, partition.partition]
        let first = try Int64.fetchOne(
            cachedStatement(sql: "SELECT next_sequence FROM stream_partition WHERE scope = ? AND stream = ? AND partition = ?"),
            arguments: key) ?? 0
        var sequence = first
        let insert = try cachedStatement(sql: """
            INSERT INTO stream_event (scope, stream, partition, sequence, enqueued_at, payload, event_count) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for batch in batches {
            for start in stride(from: 0, to: batch.count, by: StreamChunk.maximumEvents) {
                let rows = start..<min(start + StreamChunk.maximumEvents, batch.count)
                try insert.execute(arguments: [
                    partition.scope, partition.stream, partition.partition, sequence, batch.enqueuedAt.timeIntervalSinceReferenceDate,
                    batch.rowPayload(rows), rows.count,
                ])
                sequence += Int64(rows.count)
            }
        }
        try executeCached("""
            INSERT INTO stream_partition (scope, stream, partition, next_sequence) VALUES (?, ?, ?, ?)
            ON CONFLICT (scope, stream, partition) DO UPDATE SET next_sequence = excluded.next_sequence
            """, key + [sequence])
        return first...(sequence - 1)
    }

    /// Up to `limit` events from `sequence` on, starting inside the row that holds `sequence`.
    /// - Throws: `WorkspaceStoreError.malformedStreamRow` for a row whose events cannot be read.
    func streamEvents(in partition: StreamPartition, fromSequence sequence: Int64, limit: Int) throws -> [StreamEvent] {
        guard limit > 0 else { return [] }
        let statement = try cachedStatement(sql: """
            SELECT sequence, enqueued_at, payload, event_count FROM stream_event
            WHERE scope = ? AND stream = ? AND partition = ? AND sequence >= COALESCE((
                SELECT MAX(sequence) FROM stream_event
                WHERE scope = ? AND stream = ? AND partition = ? AND sequence <= ?), ?)
            ORDER BY sequence
            """)
        let key: StatementArguments = [partition.scope, partition.stream, partition.partition]
        let rows = try Row.fetchCursor(statement, arguments: key + key + [sequence, sequence])
        var events: [StreamEvent] = []
        while events.count < limit, let row = try rows.next() {
            let first: Int64 = row[0]
            let enqueuedAt = Date(timeIntervalSinceReferenceDate: row[1])
            let count: Int = row[3]
            guard let payloads = StreamChunk.unpack(row[2], count: count) else {
                throw WorkspaceStoreError.malformedStreamRow(
                    scope: partition.scope, stream: partition.stream, partition: partition.partition, sequence: first)
            }
            for (offset, payload) in payloads.enumerated() where first + Int64(offset) >= sequence && events.count < limit {
                events.append(StreamEvent(sequence: first + Int64(offset), enqueuedAt: enqueuedAt, payload: payload))
            }
        }
        return events
    }

    /// The sequence a reader starting at `start` reads first.
    func streamSequence(in partition: StreamPartition, at start: StreamStart) throws -> Int64 {
        let key: StatementArguments = [partition.scope, partition.stream, partition.partition]
        let next = try Int64.fetchOne(
            cachedStatement(sql: "SELECT next_sequence FROM stream_partition WHERE scope = ? AND stream = ? AND partition = ?"),
            arguments: key) ?? 0
        switch start {
        case .latest:
            return next
        case .sequence(let sequence):
            return sequence
        case .earliest:
            return try Int64.fetchOne(
                cachedStatement(sql: "SELECT MIN(sequence) FROM stream_event WHERE scope = ? AND stream = ? AND partition = ?"),
                arguments: key) ?? next
        case .enqueuedTime(let time):
            return try Int64.fetchOne(
                cachedStatement(sql: """
                    SELECT MIN(sequence) FROM stream_event
                    WHERE scope = ? AND stream = ? AND partition = ? AND enqueued_at >= ?
                    """),
                arguments: key + [time.timeIntervalSinceReferenceDate]) ?? next
        }
    }

    /// Deletes the rows enqueued before `time` (a row's events share their time) and returns
    /// how many events they held.
    func purgeStreamEvents(scope: String, stream: String, enqueuedBefore time: Date) throws -> Int {
        let arguments: StatementArguments = [scope, stream, time.timeIntervalSinceReferenceDate]
        let count = try Int.fetchOne(
            cachedStatement(sql: "SELECT COALESCE(SUM(event_count), 0) FROM stream_event WHERE scope = ? AND stream = ? AND enqueued_at < ?"),
            arguments: arguments) ?? 0
        guard count > 0 else { return 0 }
        try executeCached("DELETE FROM stream_event WHERE scope = ? AND stream = ? AND enqueued_at < ?", arguments)
        return count
    }

    func streamCursor(in partition: StreamPartition, consumerGroup: String) throws -> Int64? {
        try Int64.fetchOne(
            cachedStatement(sql: """
                SELECT sequence FROM stream_cursor
                WHERE scope = ? AND stream = ? AND consumer_group = ? AND partition = ?
                """),
            arguments: [partition.scope, partition.stream, consumerGroup, partition.partition])
    }

    func setStreamCursor(in partition: StreamPartition, consumerGroup: String, sequence: Int64) throws {
        try executeCached("""
            INSERT INTO stream_cursor (scope, stream, consumer_group, partition, sequence) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (scope, stream, consumer_group, partition) DO UPDATE SET sequence = excluded.sequence
            """, [partition.scope, partition.stream, consumerGroup, partition.partition, sequence])
    }

    func deleteStreamCursors(scope: String, stream: String, consumerGroup: String) throws {
        try executeCached(
            "DELETE FROM stream_cursor WHERE scope = ? AND stream = ? AND consumer_group = ?",
            [scope, stream, consumerGroup])
    }
}
