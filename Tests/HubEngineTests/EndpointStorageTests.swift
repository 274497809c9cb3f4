import Foundation
import JSONValue
import Testing
import WorkspaceStore

@testable import HubEngine

@Suite struct EndpointStorageTests {
    static let time = Date(timeIntervalSince1970: 1_767_225_600 + 3_723)  // 2026-01-01 01:02:03 UTC

    @Test func blobNamesReplaceEveryTokenWithPaddedUTCParts() {
        #expect(BlobName.make(format: "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}", hubName: "lab-hub", partition: 3, time: Self.time)
            == "lab-hub/3/2026/01/01/01/02")
        #expect(BlobName.make(format: "{YYYY}-{MM}-{DD}/{HH}{mm}_{partition}_{iothub}", hubName: "h", partition: 0, time: Self.time)
            == "2026-01-01/0102_0_h")
    }

    @Test func fileBlobStoreWritesUnderAccountContainerAndBlobFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileBlobStore(root: root)
        try store.write(account: "vibrationstore", container: "vibrationcontainer", blob: "hub/0/2026/01/01/01/02", data: [1, 2, 3])
        let file = root.appendingPathComponent("vibrationstore/vibrationcontainer/hub/0/2026/01/01/01/02")
        #expect(try Data(contentsOf: file) == Data([1, 2, 3]))
        try store.write(account: "vibrationstore", container: "vibrationcontainer", blob: "hub/0/2026/01/01/01/02", data: [4])
        #expect(try Data(contentsOf: file) == Data([4]))
    }

    @Test func jsonLinesEmbedUTF8JSONBodiesAndBase64OtherBodies() throws {
        var message = HubMessage(
            body: Array(#"{"vibration":1.5}"#.utf8),
            systemProperties: MessageSystemProperties(
                contentType: "application/json", contentEncoding: "utf-8", connectionDeviceId: "belt-1",
                connectionAuthMethod: "{}", connectionAuthGenerationId: "6380", enqueuedTime: Self.time, messageSource: "Telemetry"),
            applicationProperties: ["sensorID": "VSLog"])
        #expect(StorageRecord(message).jsonLine == #"{"EnqueuedTimeUtc":"2026-01-01T01:02:03.0000000Z","Properties":{"sensorID":"VSLog"},"SystemProperties":{"connectionDeviceId":"belt-1","connectionAuthMethod":"{}","connectionDeviceGenerationId":"6380","contentType":"application/json","contentEncoding":"utf-8","enqueuedTime":"2026-01-01T01:02:03.0000000Z"},"Body":{"vibration":1.5}}"#)
        message.systemProperties.contentEncoding = nil
        let line = try JSONValue(parsing: StorageRecord(message).jsonLine)
        #expect(line["Body"] == .string(Data(#"{"vibration":1.5}"#.utf8).base64EncodedString()))
    }
}

@Suite struct EndpointStorageBatchTests {
    static let scope = IoTHub.storageScope(forHub: "lab-hub")
    static let target = StorageTarget(
        name: "vibrationLogEndpoint", account: "vibrationstore", container: "vibrationcontainer",
        fileNameFormat: "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}", batchFrequency: 100, maxChunkBytes: 100 * 1_048_576,
        encoding: .jsonLines)

    static func withBlobs(_ body: (FileBlobStore) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try body(FileBlobStore(root: root))
    }

    static func append(_ batches: inout StorageBatches, device: String, number: Int, at time: Date, in workspace: Workspace) throws {
        let message = EndpointDeliveryTests.message(from: device, number: number, at: time)
        let partition = EventPartitioner.partition(forKey: device, partitionCount: 4)
        var appends = StreamAppends()
        let size = appends.encode(message)
        _ = batches.append(size: size, to: target.name, partition: partition, scope: scope, into: &appends, at: time)
        _ = try workspace.write { writer in try appends.write(in: writer) }
    }

    @Test func aBatchIsDueAfterItsFrequencyAndBecomesOneBlobPerPartition() throws {
        try Self.withBlobs { store in
            let workspace = try Workspace.inMemory()
            var batches = StorageBatches()
            let start = EndpointStorageTests.time
            #expect(batches.dueTime(of: Self.target) == nil)
            try Self.append(&batches, device: "sensor-1", number: 0, at: start, in: workspace)
            try Self.append(&batches, device: "sensor-1", number: 1, at: start.addingTimeInterval(30), in: workspace)
            try Self.append(&batches, device: "sensor-2", number: 2, at: start.addingTimeInterval(40), in: workspace)
            #expect(batches.dueTime(of: Self.target) == start.addingTimeInterval(100))

            let blobs = try batches.flush(Self.target, hubName: "lab-hub", partitionCount: 4, scope: Self.scope, blobStore: store, workspace: workspace)
            let p1 = EventPartitioner.partition(forKey: "sensor-1", partitionCount: 4)
            let p2 = EventPartitioner.partition(forKey: "sensor-2", partitionCount: 4)
            #expect(blobs == ["lab-hub/\(p1)/2026/01/01/01/02", "lab-hub/\(p2)/2026/01/01/01/02"].sorted())
            let text = try String(contentsOf: store.url(account: "vibrationstore", container: "vibrationcontainer", blob: "lab-hub/\(p1)/2026/01/01/01/02"), encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            // No content encoding on these messages, so the body is kept as base64, as Azure does.
            #expect(try JSONValue(parsing: lines[1])["Body"] == .string(Data(#"{"n":1}"#.utf8).base64EncodedString()))
            #expect(batches.dueTime(of: Self.target) == nil)
            #expect(try batches.flush(Self.target, hubName: "lab-hub", partitionCount: 4, scope: Self.scope, blobStore: store, workspace: workspace).isEmpty)
        }
    }

    @Test func aFullChunkIsDueAtOnce() throws {
        let workspace = try Workspace.inMemory()
        var batches = StorageBatches()
        var small = Self.target
        small.maxChunkBytes = 10
        try Self.append(&batches, device: "d", number: 0, at: EndpointStorageTests.time, in: workspace)
        #expect(batches.dueTime(of: small) == EndpointStorageTests.time)
    }

    @Test func aSecondBatchInTheSameMinuteGetsItsOwnBlob() throws {
        try Self.withBlobs { store in
            let workspace = try Workspace.inMemory()
            var batches = StorageBatches()
            var small = Self.target
            small.maxChunkBytes = 10
            let time = EndpointStorageTests.time
            try Self.append(&batches, device: "d", number: 0, at: time, in: workspace)
            let first = try batches.flush(small, hubName: "h", partitionCount: 4, scope: Self.scope, blobStore: store, workspace: workspace)
            try Self.append(&batches, device: "d", number: 1, at: time.addingTimeInterval(5), in: workspace)
            let second = try batches.flush(small, hubName: "h", partitionCount: 4, scope: Self.scope, blobStore: store, workspace: workspace)
            let name = try #require(first.first)
            #expect(second == [name + "-1"])
            #expect(FileManager.default.fileExists(atPath: store.url(account: small.account, container: small.container, blob: name).path))
        }
    }

    @Test func anOpenBatchSurvivesARestartAndIsWrittenOnSchedule() throws {
        try Self.withBlobs { store in
            let workspace = try Workspace.inMemory()
            var before = StorageBatches()
            try Self.append(&before, device: "d", number: 0, at: EndpointStorageTests.time, in: workspace)
            var after = StorageBatches()
            try after.restore(Self.target, partitionCount: 4, scope: Self.scope, from: workspace)
            #expect(after.dueTime(of: Self.target) == EndpointStorageTests.time.addingTimeInterval(100))
            #expect(try after.flush(Self.target, hubName: "lab-hub", partitionCount: 4, scope: Self.scope, blobStore: store, workspace: workspace).count == 1)
        }
    }

    @Test func aBlobThatCannotBeWrittenLeavesTheBatchPending() throws {
        try Self.withBlobs { store in
            let workspace = try Workspace.inMemory()
            var batches = StorageBatches()
            try Self.append(&batches, device: "d", number: 0, at: EndpointStorageTests.time, in: workspace)
            #expect(throws: UnwritableBlobs.Refused()) {
                try batches.flush(Self.target, hubName: "lab-hub", partitionCount: 4, scope: Self.scope, blobStore: UnwritableBlobs(), workspace: workspace)
            }
            #expect(try batches.flush(Self.target, hubName: "lab-hub", partitionCount: 4, scope: Self.scope, blobStore: store, workspace: workspace).count == 1)
        }
    }

    @Test func theAccountComesFromTheConnectionStringOrTheURI() {
        #expect(StorageTarget.accountName(connectionString: "DefaultEndpointsProtocol=https;AccountName=vibrationstore;AccountKey=a2V5;EndpointSuffix=core.windows.net", endpointUri: nil) == "vibrationstore")
        #expect(StorageTarget.accountName(connectionString: nil, endpointUri: "https://acct.blob.core.windows.net/") == "acct")
        #expect(StorageTarget.accountName(connectionString: nil, endpointUri: nil) == "storage")
    }
}

/// A blob store that refuses every write, like a full disk.
struct UnwritableBlobs: BlobStore {
    struct Refused: Error, Equatable {}

    func write(account: String, container: String, blob: String, data: [UInt8]) throws {
        throw Refused()
    }
}
