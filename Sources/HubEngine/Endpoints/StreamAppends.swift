import Foundation
import WorkspaceStore

/// Endpoint copies gathered during one write transaction, grouped by stream partition and
/// written together at its end.
///
/// Appending a partition's events costs a read of its next sequence number and an update of
/// it besides one insert per event; gathering a batch's copies first pays the read and the
/// update once per partition instead of once per copy, which was a third of ingest time.
/// Events keep the order they were added in, so a device's messages stay in order.
struct StreamAppends {
    /// Where a staged copy goes: its partition and its place among the partition's staged events.
    struct Slot: Sendable, Equatable {
        var target: StreamPartition
        var index: Int
    }

    private var partitions: [StreamPartition] = []
    private var drafts: [StreamPartition: [StreamEventDraft]] = [:]

    /// Stages `payload` at the end of `target` and says where it went.
    mutating func add(_ payload: Data, to target: StreamPartition, at now: Date) -> Slot {
        let draft = StreamEventDraft(enqueuedAt: now, payload: payload)
        let index: Int
        if var staged = drafts.removeValue(forKey: target) {
            index = staged.count
            staged.append(draft)
            drafts[target] = staged
        } else {
            index = 0
            partitions.append(target)
            drafts[target] = [draft]
        }
        return Slot(target: target, index: index)
    }

    /// Writes every staged event in `writer`'s transaction, one append per partition, and
    /// returns the sequence number each partition's first staged event got.
    func write(in writer: WorkspaceWriter) throws -> [StreamPartition: Int64] {
        var firsts: [StreamPartition: Int64] = [:]
        for target in partitions {
            if let range = try writer.appendStreamEvents(drafts[target] ?? [], to: target) { firsts[target] = range.lowerBound }
        }
        return firsts
    }
}
