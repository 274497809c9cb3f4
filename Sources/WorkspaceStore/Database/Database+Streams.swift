import Foundation
import GRDB

/// The stream tables' SQL, shared by the reader and writer; every statement is cached.
extension Database {
    func appendStreamEvents(_ events: [StreamEventDraft], to partition: StreamPartition) throws -> ClosedRange<Int64>? {
        guard !events.isEmpty else { return nil }
        let key: StatementArguments = [partition.scope, partition.stream, partition.partition]
        let first = try Int64.fetchOne(
            cachedStatement(sql: "SELECT next_sequence FROM stream_partition WHERE scope = ? AND stream = ? AND partition = ?"),
            arguments: key) ?? 0
        var sequence = first
        for event in events {
            try executeCached(
                "INSERT INTO stream_event (scope, stream, partition, sequence, enqueued_at, payload) VALUES (?, ?, ?, ?, ?, ?)",
                [partition.scope, partition.stream, partition.partition, sequence, event.enqueuedAt.timeIntervalSinceReferenceDate, event.payload])
            sequence += 1
        }
        try executeCached("""
            INSERT INTO stream_partition (scope, stream, partition, next_sequence) VALUES (?, ?, ?, ?)
            ON CONFLICT (scope, stream, partition) DO UPDATE SET next_sequence = excluded.next_sequence
            """, key + [sequence])
        return first...(sequence - 1)
    }

    func streamEvents(in partition: StreamPartition, fromSequence sequence: Int64, limit: Int) throws -> [StreamEvent] {
        guard limit > 0 else { return [] }
        let statement = try cachedStatement(sql: """
            SELECT sequence, enqueued_at, payload FROM stream_event
            WHERE scope = ? AND stream = ? AND partition = ? AND sequence >= ?
            ORDER BY sequence LIMIT ?
            """)
        return try Array(Row.fetchCursor(statement, arguments: [partition.scope, partition.stream, partition.partition, sequence, limit]).map { row in
            StreamEvent(sequence: row[0], enqueuedAt: Date(timeIntervalSinceReferenceDate: row[1]), payload: row[2])
        })
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

    func purgeStreamEvents(scope: String, stream: String, enqueuedBefore time: Date) throws -> Int {
        try executeCached(
            "DELETE FROM stream_event WHERE scope = ? AND stream = ? AND enqueued_at < ?",
            [scope, stream, time.timeIntervalSinceReferenceDate])
        return changesCount
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
