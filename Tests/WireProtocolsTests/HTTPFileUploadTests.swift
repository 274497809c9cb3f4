import Foundation
import HubEngine
import JSONValue
import Testing

/// A device's file upload over HTTPS: the SAS URI, the blob write to the lab's blob endpoint,
/// and the completion report.
@Suite struct HTTPFileUploadTests {
    @Test func uploadWritesTheBlobIntoTheStoreAndCompletes() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-rest-blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = FileBlobStore(root: root)
        try await HTTPServerFixture.run(blobStore: store) { fixture in
            try await fixture.register("cam-1")
            _ = try await fixture.cloud.updateHub(
                named: HTTPServerFixture.hubName,
                fileUpload: FileUploadSettings(
                    storageConnectionString: "DefaultEndpointsProtocol=https;AccountName=uploads01;AccountKey=a2V5",
                    containerName: "photos", notificationsEnabled: true))
            let token = try await fixture.deviceToken("cam-1")

            let started = try await fixture.client.send(
                .POST, "/devices/cam-1/files?api-version=2020-09-30", headers: [("Authorization", token)], json: ["blobName": "shot.jpg"])
            #expect(started.status == 200)
            let upload = try #require(started.json)
            #expect(upload["hostName"] == .string(fixture.client.host))
            #expect(upload["containerName"] == "photos")
            #expect(upload["blobName"] == "cam-1/shot.jpg")
            let sas = try #require(upload["sasToken"]?.stringValue)
            let correlationId = try #require(upload["correlationId"]?.stringValue)

            let written = try await fixture.client.send(
                .PUT, "/photos/cam-1/shot.jpg\(sas)", headers: [("x-ms-blob-type", "BlockBlob")], body: Array("jpeg bytes".utf8))
            #expect(written.status == 201)
            #expect(written.header("ETag") != nil)
            let file = store.url(account: "uploads01", container: "photos", blob: "cam-1/shot.jpg")
            #expect(try Data(contentsOf: file) == Data("jpeg bytes".utf8))

            let forged = try await fixture.client.send(.PUT, "/photos/cam-1/shot.jpg?sv=2018-03-28&sr=b&sig=forged", body: [1])
            #expect(forged.status == 403)
            #expect(forged.header("iothub-errorcode") == "AuthenticationFailed")

            let report: JSONValue = ["correlationId": .string(correlationId), "isSuccess": true, "statusCode": 200, "statusDescription": "ok"]
            let completed = try await fixture.client.send(
                .POST, "/devices/cam-1/files/notifications?api-version=2020-09-30", headers: [("Authorization", token)], json: report)
            #expect(completed.status == 204)
            let again = try await fixture.client.send(
                .POST, "/devices/cam-1/files/notifications?api-version=2020-09-30", headers: [("Authorization", token)], json: report)
            #expect(again.status == 400)
            #expect(again.json?["Message"]?.stringValue?.hasPrefix("ErrorCode:ArgumentInvalid;correlationId:") == true)
        }
    }

    @Test func uploadOnAHubWithoutStorageIs400NamingTheSetting() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("cam-1")
            let response = try await fixture.client.send(
                .POST, "/devices/cam-1/files?api-version=2020-09-30", headers: [("Authorization", try await fixture.deviceToken("cam-1"))],
                json: ["blobName": "shot.jpg"])
            #expect(response.status == 400)
            #expect(response.json?["Message"]?.stringValue?.hasPrefix("ErrorCode:ArgumentInvalid;storageEndpoints.$default:") == true)
        }
    }
}
