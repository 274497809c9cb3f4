import Foundation

extension WorkspaceWriter {
    /// Appends events to a partition in order and returns the sequence numbers they got
    /// (nil for none). Numbers start at 0 and are never reused, even after retention.
    @discardableResult
    public func appendStreamEvents(_ events: [StreamEventDraft], to partition: StreamPartition) throws -> ClosedRange<Int64>? {
        try database.appendStreamEvents(events, to: partition)
    }

    /// Appends batches of events to a partition in order (see `StreamEventBatch`) and returns the
    /// sequence numbers they got (nil for none): how ingest writes each partition it touched.
    @discardableResult
    public func appendStreamBatches(_ batches: [StreamEventBatch], to partition: StreamPartition) throws -> ClosedRange<Int64>? {
        try database.appendStreamBatches(batches, to: partition)
    }

    /// Deletes a stream's events enqueued before `time` (retention) and says how many went.
    @discardableResult
    public func purgeStreamEvents(scope: String, stream: String, enqueuedBefore time: Date) throws -> Int {
        try database.purgeStreamEvents(scope: scope, stream: stream, enqueuedBefore: time)
    }

    /// Records how far a consumer group has read a partition.
    public func setStreamCursor(in partition: StreamPartition, consumerGroup: String, sequence: Int64) throws {
        try database.setStreamCursor(in: partition, consumerGroup: consumerGroup, sequence: sequence)
    }

    /// Forgets a consumer group's progress on every partition of a stream (the group was deleted).
    public func deleteStreamCursors(scope: String, stream: String, consumerGroup: String) throws {
        try database.deleteStreamCursors(scope: scope, stream: stream, consumerGroup: consumerGroup)
    }
}
