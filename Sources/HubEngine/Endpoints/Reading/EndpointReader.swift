import Foundation
import WorkspaceStore

/// Reads a hub's endpoint streams straight from the workspace, without the hub actor.
///
/// `az iot hub monitor-events` and `iotlab endpoint read` run in their own process while
/// `iotlab serve` or a simulation writes the same workspace: the reader needs only the
/// workspace and the hub's name, as an Event Hubs consumer needs only the connection string.
public struct EndpointReader: Sendable {
    /// The built-in endpoint's stream.
    public static let eventsStream = EndpointSet.builtInEndpointName

    let workspace: Workspace
    let scope: String

    public init(workspace: Workspace, hubName: String) {
        self.workspace = workspace
        scope = IoTHub.storageScope(forHub: hubName)
    }

    /// Up to `limit` events of one partition, oldest first, from `start`.
    /// - Throws: `EndpointError.undecodableEvent` for a stored event this build cannot read; store errors.
    public func read(stream: String = eventsStream, partition: Int, from start: StreamStart, limit: Int) throws -> [EnqueuedEvent] {
        let target = StreamPartition(scope: scope, stream: stream, partition: partition)
        let events = try workspace.read { reader in
            try reader.streamEvents(in: target, fromSequence: reader.streamSequence(in: target, at: start), limit: limit)
        }
        return try events.map { try Self.decoded($0, in: target) }
    }

    /// Positions on every partition of a stream at `start`, for `readAll(from:limit:)`.
    public func positions(stream: String = eventsStream, partitionCount: Int, at start: StreamStart) throws -> StreamPositions {
        let scope = self.scope
        let sequences = try workspace.read { reader in
            try (0..<partitionCount).map { partition in
                try reader.streamSequence(in: StreamPartition(scope: scope, stream: stream, partition: partition), at: start)
            }
        }
        return StreamPositions(stream: stream, nextSequences: sequences)
    }

    /// Up to `limit` events from each partition past `positions`, in enqueued order (ties by
    /// partition), and moves `positions` past them: one poll of `monitor-events`.
    public func readAll(from positions: inout StreamPositions, limit: Int) throws -> [EnqueuedEvent] {
        let scope = self.scope
        let stream = positions.stream
        let starts = positions.nextSequences
        let batches = try workspace.read { reader in
            try starts.enumerated().map { partition, sequence in
                try reader.streamEvents(in: StreamPartition(scope: scope, stream: stream, partition: partition), fromSequence: sequence, limit: limit)
            }
        }
        var events: [EnqueuedEvent] = []
        for (partition, batch) in batches.enumerated() {
            let target = StreamPartition(scope: scope, stream: stream, partition: partition)
            for event in batch { events.append(try Self.decoded(event, in: target)) }
            if let last = batch.last { positions.nextSequences[partition] = last.sequence + 1 }
        }
        events.sort(by: EnqueuedEvent.precedes)
        return events
    }

    static func decoded(_ event: StreamEvent, in partition: StreamPartition) throws(EndpointError) -> EnqueuedEvent {
        do {
            return EnqueuedEvent(
                partition: partition.partition, sequenceNumber: event.sequence, enqueuedTime: event.enqueuedAt,
                message: try HubMessageCodec.decode(event.payload))
        } catch {
            throw .undecodableEvent(stream: partition.stream, partition: partition.partition, sequenceNumber: event.sequence, reason: error.description)
        }
    }
}
