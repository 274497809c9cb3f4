import Foundation
import JSONValue
import Testing

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
