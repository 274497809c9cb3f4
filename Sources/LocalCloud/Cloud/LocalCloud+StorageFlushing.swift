import Foundation
import HubEngine

extension LocalCloud {
    /// The longest the storage writer sleeps: the shortest batch frequency Azure allows, so a
    /// batch opened meanwhile (or in a hub opened meanwhile) is written at most that late.
    public static let longestStorageFlushSleep: TimeInterval = 60

    /// Writes the due storage endpoint batches of every hub whose data plane is open, through
    /// `blobStore` (all open batches with `force`). A one-shot command calls it before it exits.
    /// - Returns: the blob names written. A hub whose batch cannot be written keeps it pending
    ///   (durable in the workspace) and is tried again on the next call.
    @discardableResult
    public func flushStorageEndpoints(to blobStore: any BlobStore, force: Bool = false) async -> [String] {
        var written: [String] = []
        for engine in engines.values {
            written += (try? await engine.flushStorageEndpoints(to: blobStore, force: force)) ?? []
        }
        return written
    }

    /// The storage endpoints' background writer for a long-running process (`iotlab serve`):
    /// flushes due batches, then sleeps on the cloud's clock until the next one falls due (at most
    /// `longestStorageFlushSleep`), until the calling task is cancelled. `iotlab clock advance`
    /// wakes it like any sleeper, so a batch's blob appears when its frequency has passed.
    public func runStorageFlushing(to blobStore: any BlobStore) async {
        while !Task.isCancelled {
            await flushStorageEndpoints(to: blobStore)
            let now = clock.now()
            var wake = now.addingTimeInterval(Self.longestStorageFlushSleep)
            for engine in engines.values {
                if let due = try? await engine.nextStorageFlush(), due > now { wake = min(wake, due) }
            }
            do { try await clock.sleep(until: wake) } catch { return }
        }
    }
}
