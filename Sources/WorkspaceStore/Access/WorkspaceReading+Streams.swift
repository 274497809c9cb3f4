extension WorkspaceReading {
    /// Up to `limit` events of a partition from `sequence` on, ascending (the next page starts
    /// after the last one returned).
    public func streamEvents(in partition: StreamPartition, fromSequence sequence: Int64, limit: Int) throws -> [StreamEvent] {
        try database.streamEvents(in: partition, fromSequence: sequence, limit: limit)
    }

    /// The sequence number a reader positioned at `start` reads first; for `.latest`, the number
    /// the next appended event will get.
    public func streamSequence(in partition: StreamPartition, at start: StreamStart) throws -> Int64 {
        try database.streamSequence(in: partition, at: start)
    }

    /// Where a consumer group's reader of this partition last recorded its progress.
    public func streamCursor(in partition: StreamPartition, consumerGroup: String) throws -> Int64? {
        try database.streamCursor(in: partition, consumerGroup: consumerGroup)
    }
}
