import Foundation
import WorkspaceStore

/// The storage container endpoints' open batches.
///
/// A routed message is appended durably to the endpoint's pending stream (`storage:NAME`, one
/// partition per built-in partition) in the ingest transaction, so an acknowledged message is
/// never lost; a batch becomes one blob per partition when its batch frequency has passed on
/// the clock since it opened, or when it holds `maxChunkBytes` (Azure: "whichever comes first").
struct StorageBatches: Sendable {
    /// When a batch opened and roughly how many bytes it holds (the stored encoding's size).
    struct OpenBatch: Sendable, Equatable {
        var openedAt: Date
        var bytes: Int
    }

    private(set) var open: [String: OpenBatch] = [:]
    /// The last blob written per endpoint and partition, and how many batches reused its name: a
    /// batch that fills its chunk within the minute of the previous one gets `-1`, `-2`... instead
    /// of replacing it.
    private var lastBlobs: [String: (name: String, repeats: Int)] = [:]
    /// Endpoints whose open batch (if any) has been read back from the workspace since the hub opened.
    private var restored: Set<String> = []

    /// The pending stream of a storage endpoint (see `EndpointStream`).
    static func pendingStream(_ endpointName: String) -> String { "storage:" + endpointName }

    /// Stages the message `appends` last encoded (`size` bytes) for an endpoint's pending batch,
    /// written in the caller's transaction.
    mutating func append(size: Int, to endpointName: String, partition: Int, scope: String, into appends: inout StreamAppends, at now: Date) -> StreamAppends.Slot {
        let slot = appends.add(to: StreamPartition(scope: scope, stream: Self.pendingStream(endpointName), partition: partition), at: now)
        var batch = open[endpointName] ?? OpenBatch(openedAt: now, bytes: 0)
        batch.bytes += size
        open[endpointName] = batch
        return slot
    }

    /// Reads back, once per endpoint after the hub opened, a batch left open by an earlier run.
    mutating func restore(_ target: StorageTarget, partitionCount: Int, scope: String, from workspace: Workspace) throws {
        guard restored.insert(target.name).inserted, open[target.name] == nil else { return }
        let stream = Self.pendingStream(target.name)
        let firsts = try workspace.read { reader in
            try (0..<partitionCount).compactMap { partition in
                let position = StreamPartition(scope: scope, stream: stream, partition: partition)
                return try reader.streamEvents(in: position, fromSequence: reader.streamSequence(in: position, at: .earliest), limit: 1).first
            }
        }
        if let earliest = firsts.map(\.enqueuedAt).min() {
            open[target.name] = OpenBatch(openedAt: earliest, bytes: 0)
        }
    }

    /// When `target`'s open batch must be written, or `nil` if it has none.
    func dueTime(of target: StorageTarget) -> Date? {
        guard let batch = open[target.name] else { return nil }
        return batch.bytes >= target.maxChunkBytes ? batch.openedAt : batch.openedAt.addingTimeInterval(target.batchFrequency)
    }

    /// Writes `target`'s open batch as one blob per partition through `blobStore`, then empties
    /// the pending stream, all inside one workspace transaction: if a blob cannot be written
    /// nothing is removed, and a crash after the blobs but before the commit writes them again
    /// under the same names (at least once, as Azure promises).
    /// - Returns: the names of the blobs written.
    mutating func flush(
        _ target: StorageTarget, hubName: String, partitionCount: Int, scope: String, blobStore: any BlobStore,
        workspace: Workspace
    ) throws -> [String] {
        guard let batch = open[target.name] else { return [] }
        let stream = Self.pendingStream(target.name)
        let blobs = try workspace.write { writer in
            var blobs: [String] = []
            for partition in 0..<partitionCount {
                let position = StreamPartition(scope: scope, stream: stream, partition: partition)
                var events: [StreamEvent] = []
                var next = try writer.streamSequence(in: position, at: .earliest)
                while true {
                    let page = try writer.streamEvents(in: position, fromSequence: next, limit: 1000)
                    events += page
                    guard let last = page.last, page.count == 1000 else { break }
                    next = last.sequence + 1
                }
                guard !events.isEmpty else { continue }
                let messages = try events.map { try EndpointReader.decoded($0, in: position).message }
                let blob = uniqueBlobName(
                    BlobName.make(format: target.fileNameFormat, hubName: hubName, partition: partition, time: batch.openedAt),
                    endpoint: target.name, partition: partition)
                try blobStore.write(account: target.account, container: target.container, blob: blob, data: try StorageBlob.encode(messages, as: target.encoding))
                blobs.append(blob)
            }
            try writer.purgeStreamEvents(scope: scope, stream: stream, enqueuedBefore: .distantFuture)
            return blobs
        }
        open[target.name] = nil
        return blobs
    }

    /// `name`, or `name-N` when the previous batch of this endpoint and partition had that name.
    private mutating func uniqueBlobName(_ name: String, endpoint: String, partition: Int) -> String {
        let key = "\(endpoint)/\(partition)"
        let repeats = lastBlobs[key].map { $0.name == name ? $0.repeats + 1 : 0 } ?? 0
        lastBlobs[key] = (name, repeats)
        return repeats == 0 ? name : "\(name)-\(repeats)"
    }
}
