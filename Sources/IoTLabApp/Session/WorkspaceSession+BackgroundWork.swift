import Foundation
import HubEngine

extension WorkspaceSession {
    /// What a holder of the workspace does between commands, until the calling task is cancelled:
    /// writes storage endpoint batches as blobs when their batch frequency has passed on the
    /// lab clock (`iotlab clock advance` wakes it).
    public func runBackgroundWork() async {
        await cloud.runStorageFlushing(to: blobStore)
    }

    /// Writes the storage batches that are due before a one-shot command's process exits, so a
    /// blob appears when its time has come even if no `iotlab serve` runs. After the clock moved,
    /// every hub with a storage endpoint is opened, since a batch may have come due in any.
    func flushDueStorageBatches(afterClockMoved clockMoved: Bool) async {
        if clockMoved {
            for hub in await cloud.hubs() where !hub.routing.endpoints.storageContainers.isEmpty {
                _ = try? await cloud.engine(forHub: hub.name)
            }
        }
        await cloud.flushStorageEndpoints(to: blobStore)
    }
}
