import Foundation
import WorkspaceStore

/// Endpoint copies gathered during one write transaction, grouped by stream partition and
/// written together at its end.
///
/// Appending a partition's events costs a read of its next sequence number and an update of
/// it besides the inserts; gathering a batch's copies first pays the read and the update once
/// per partition instead of once per copy, which was a third of ingest time. Each copy is
/// encoded into one reused buffer and appended from it to its partitions' batches
/// (`StreamEventBatch`), so a copy allocates nothing of its own. Events keep the order they
/// were added in, so a device's messages stay in order.
struct StreamAppends {
    /// Where a staged copy goes: its partition, the batch of it, and its place in that batch.
    struct Slot: Sendable, Equatable {
        var target: StreamPartition
        var batch: Int
        var index: Int
    }

    /// The batches in the order first staged, each for one partition and enqueued time. A batch
    /// touches a few partitions (the built-in endpoint's and each storage endpoint's), so a
    /// linear search that compares the partition number first and the stream's text (usually
    /// the same string, equal at once) costs less than hashing two strings in a dictionary.
    private var staged: [(target: StreamPartition, events: StreamEventBatch)] = []
    /// The message being staged, encoded once for all its endpoints.
    private var encoded = ByteWriter(capacity: 512)

    /// Encodes `message` as the copy the next `add` calls stage, and returns its size in bytes.
    mutating func encode(_ message: HubMessage) -> Int {
        encoded.bytes.removeAll(keepingCapacity: true)
        HubMessageCodec.write(message, to: &encoded)
        return encoded.bytes.count
    }

    /// Stages the copy last encoded at the end of `target` and says where it went.
    mutating func add(to target: StreamPartition, at now: Date) -> Slot {
        let existing = staged.lastIndex { entry in
            entry.target.partition == target.partition && entry.events.enqueuedAt == now && entry.target.stream == target.stream
                && entry.target.scope == target.scope
        }
        let batch = existing ?? staged.count
        if existing == nil { staged.append((target, StreamEventBatch(enqueuedAt: now))) }
        staged[batch].events.append(encoded.bytes)
        return Slot(target: target, batch: batch, index: staged[batch].events.count - 1)
    }

    /// Writes every staged event in `writer`'s transaction, one append per partition, and
    /// returns the sequence number each batch's first event got, by the batch's number in `Slot`.
    func write(in writer: WorkspaceWriter) throws -> [Int64] {
        var firsts = [Int64](repeating: 0, count: staged.count)
        var written = [Bool](repeating: false, count: staged.count)
        for index in staged.indices where !written[index] {
            // A partition's batches (one per enqueued time) go together, in the order staged.
            let target = staged[index].target
            let batches = staged.indices.filter { !written[$0] && staged[$0].target == target }
            guard let range = try writer.appendStreamBatches(batches.map { staged[$0].events }, to: target) else { continue }
            var next = range.lowerBound
            for batch in batches {
                written[batch] = true
                firsts[batch] = next
                next += Int64(staged[batch].events.count)
            }
        }
        return firsts
    }
}
