import Foundation
import LabCore

extension IoTHub {
    /// The longest the flushing task sleeps: the shortest batch frequency Azure allows, so a
    /// batch opened while it sleeps is never written late.
    static let longestFlushSleep: TimeInterval = 60

    /// Writes every storage endpoint batch that is due on the hub's clock (or all open batches
    /// with `force`, e.g. before a lab check reads the container) through `blobStore`.
    /// - Returns: the blob names written, per endpoint in routing order.
    /// - Throws: the first endpoint's failure; batches that failed stay pending and durable.
    @discardableResult
    public func flushStorageEndpoints(to blobStore: any BlobStore, force: Bool = false) throws -> [String] {
        let now = clock.now()
        var written: [String] = []
        for endpoint in settings.routing.endpoints.storageContainers {
            let target = StorageTarget(endpoint)
            try endpoints.storage.restore(target, partitionCount: endpoints.eventHub.partitionCount, scope: scope, from: workspace)
            guard let due = endpoints.storage.dueTime(of: target), force || due <= now else { continue }
            written += try endpoints.storage.flush(
                target, hubName: settings.name, partitionCount: endpoints.eventHub.partitionCount, scope: scope,
                blobStore: blobStore, workspace: workspace)
        }
        return written
    }

    /// Flushes storage endpoint batches as they fall due until the calling task is cancelled:
    /// the hub's background writer. It sleeps on the hub's clock, so `iotlab clock advance`
    /// (or a test's `ManualClock.advance`) makes a batch's blob appear.
    public func runStorageFlushing(to blobStore: any BlobStore) async {
        while !Task.isCancelled {
            // A batch that cannot be written (an encoding this build lacks, a full disk) stays
            // pending; the next round tries again.
            _ = try? flushStorageEndpoints(to: blobStore)
            let now = clock.now()
            let targets = settings.routing.endpoints.storageContainers.map(StorageTarget.init)
            let nextDue = targets.compactMap { endpoints.storage.dueTime(of: $0) }.filter { $0 > now }.min()
            let wake = min(nextDue ?? .distantFuture, now.addingTimeInterval(Self.longestFlushSleep))
            do { try await clock.sleep(until: wake) } catch { return }
        }
    }
}
