import Foundation

extension IoTHub {
    /// Writes every storage endpoint batch that is due on the hub's clock (or all open batches
    /// with `force`, e.g. before a lab check reads the container) through `blobStore`.
    /// - Returns: the blob names written, per endpoint in routing order.
    /// - Throws: the first endpoint's failure; batches that failed stay pending and durable.
    @discardableResult
    public func flushStorageEndpoints(to blobStore: any BlobStore, force: Bool = false) throws -> [String] {
        let now = clock.now()
        var written: [String] = []
        for target in try storageTargets() {
            guard let due = endpoints.storage.dueTime(of: target), force || due <= now else { continue }
            written += try endpoints.storage.flush(
                target, hubName: settings.name, partitionCount: endpoints.eventHub.partitionCount, scope: scope,
                blobStore: blobStore, workspace: workspace)
        }
        return written
    }

    /// When the earliest open storage batch falls due, or `nil` when none is open: a background
    /// writer sleeps on the hub's clock until then.
    public func nextStorageFlush() throws -> Date? {
        try storageTargets().compactMap { endpoints.storage.dueTime(of: $0) }.min()
    }

    /// The routing's storage endpoints, each with any batch an earlier run left open read back.
    private func storageTargets() throws -> [StorageTarget] {
        let targets = settings.routing.endpoints.storageContainers.map(StorageTarget.init)
        for target in targets {
            try endpoints.storage.restore(target, partitionCount: endpoints.eventHub.partitionCount, scope: scope, from: workspace)
        }
        return targets
    }
}
