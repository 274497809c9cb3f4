import WorkspaceStore

extension EndpointReader {
    /// Up to `limit` events of one partition from where `consumerGroup` last stopped (or from
    /// `start` the first time), and records the group's new position in the same transaction.
    ///
    /// Each consumer group has its own cursor per partition, as Event Hubs checkpoints do, so
    /// two tools on different groups both see every event while two readers sharing one group
    /// split them. The caller checks the group exists on the hub (its settings live in the hub's
    /// resource record, not in the stream).
    public func read(
        consumerGroup: String, stream: String = eventsStream, partition: Int, limit: Int, startingAt start: StreamStart = .earliest
    ) throws -> [EnqueuedEvent] {
        let target = StreamPartition(scope: scope, stream: stream, partition: partition)
        let events = try workspace.write { writer in
            let from = try writer.streamCursor(in: target, consumerGroup: consumerGroup) ?? writer.streamSequence(in: target, at: start)
            let events = try writer.streamEvents(in: target, fromSequence: from, limit: limit)
            if let last = events.last {
                try writer.setStreamCursor(in: target, consumerGroup: consumerGroup, sequence: last.sequence + 1)
            }
            return events
        }
        return try events.map { try Self.decoded($0, in: target) }
    }

    /// Where `consumerGroup` reads `partition` next, or `nil` if it has never read it.
    public func cursor(consumerGroup: String, stream: String = eventsStream, partition: Int) throws -> Int64? {
        let target = StreamPartition(scope: scope, stream: stream, partition: partition)
        return try workspace.read { reader in try reader.streamCursor(in: target, consumerGroup: consumerGroup) }
    }
}

extension EndpointReader {
    /// Up to `limit` events per partition across every partition of `stream`, each from where
    /// `consumerGroup` stopped, advancing the group's cursors: `iotlab endpoint read --cg`.
    public func read(
        consumerGroup: String, stream: String = eventsStream, partitionCount: Int, limit: Int, startingAt start: StreamStart = .earliest
    ) throws -> [EnqueuedEvent] {
        var events: [EnqueuedEvent] = []
        for partition in 0..<partitionCount {
            events += try read(consumerGroup: consumerGroup, stream: stream, partition: partition, limit: limit, startingAt: start)
        }
        return events.sorted(by: EnqueuedEvent.precedes)
    }
}
