import Foundation
import HubEngine
import JSONValue
import LabCore
import LocalCloud
import Testing
import WorkspaceStore

/// The storage endpoint's background writer as `iotlab serve` runs it: on the cloud's clock.
@Suite struct EndpointStorageFlushingTests {
    @Test func theWriterWritesABatchWhenTheClockPassesItsFrequency() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileBlobStore(root: root)
        let clock = ManualClock()
        let cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: clock)
        _ = try await cloud.createHub(HubCreation(name: "hub1"))
        _ = try await cloud.updateRouting(hubName: "hub1") { routing in
            routing.endpoints.storageContainers = [
                StorageContainerEndpoint(
                    name: "vibrationLogEndpoint", containerName: "vibrationcontainer",
                    connectionString: "DefaultEndpointsProtocol=https;AccountName=vibrationstore;AccountKey=a2V5",
                    batchFrequencyInSeconds: 100, encoding: .json)
            ]
            routing.routes = [
                MessageRoute(name: "vibrationLoggingRoute", source: .deviceMessages, condition: "sensorID = 'VSLog'", endpointNames: ["vibrationLogEndpoint"])
            ]
        }
        let hub = try await cloud.engine(forHub: "hub1")
        _ = try await hub.createDevice(DeviceIdentity(deviceId: "sensor-v-3000"))
        _ = try await hub.ingest(
            DeviceMessage(body: Array(#"{"vibration":4.2}"#.utf8), applicationProperties: ["sensorID": "VSLog"], contentType: "application/json", contentEncoding: "utf-8"),
            from: MessageSender(deviceId: "sensor-v-3000"))

        let writer = Task { await cloud.runStorageFlushing(to: store) }
        defer { writer.cancel() }
        await clock.waitForSleepers(1)
        let partition = EventPartitioner.partition(forKey: "sensor-v-3000", partitionCount: 4)
        let file = store.url(account: "vibrationstore", container: "vibrationcontainer", blob: "hub1/\(partition)/2026/01/01/00/00")
        #expect(!FileManager.default.fileExists(atPath: file.path))

        clock.advance(by: 60)
        await clock.waitForSleepers(1)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        clock.advance(by: 40)
        await clock.waitForSleepers(1)
        let line = try JSONValue(parsing: String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .newlines))
        #expect(line["Body"] == ["vibration": 4.2])
        #expect(line["Properties"] == ["sensorID": "VSLog"])
    }
}
