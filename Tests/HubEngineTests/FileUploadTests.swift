import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing

/// A device's three-step file upload as Azure runs it: ask for a SAS URI, write the blob, report.
@Suite struct FileUploadTests {
    let fixture: HubFixture
    let device = MessageSender(deviceId: "camera-1")

    init() async throws {
        fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "camera-1"))
        _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "vision", deviceId: "camera-1"))
    }

    private func configure(notifications: Bool = true, sasHours: Double = 1) async {
        var settings = await fixture.hub.settings
        settings.fileUpload = FileUploadSettings(
            storageConnectionString: "DefaultEndpointsProtocol=https;AccountName=uploads01;AccountKey=a2V5", containerName: "photos",
            sasTimeToLive: sasHours * 3600, notificationsEnabled: notifications)
        await fixture.hub.apply(settings)
    }

    @Test func anUploadIsAuthorizedForItsOwnBlobUntilItsSASExpires() async throws {
        await configure()
        let target = try await fixture.hub.startFileUpload(from: device, blobName: "2026/shot.jpg")
        #expect(target.blobName == "camera-1/2026/shot.jpg")
        #expect(target.containerName == "photos")
        #expect(target.storageAccount == "uploads01")
        #expect(target.sasToken.hasPrefix("?sv=") && target.sasToken.contains("&sr=b&sig="))
        let reply = target.json(hostName: "localhost:8443")
        #expect(reply["hostName"] == "localhost:8443")
        #expect(reply["correlationId"]?.stringValue == target.correlationId)

        #expect(await fixture.hub.authorizeBlobUpload(containerName: "photos", blobName: target.blobName, signature: target.signature) == target)
        #expect(await fixture.hub.authorizeBlobUpload(containerName: "photos", blobName: "camera-1/other.jpg", signature: target.signature) == nil)
        #expect(await fixture.hub.authorizeBlobUpload(containerName: "photos", blobName: target.blobName, signature: "forged") == nil)
        fixture.clock.advance(by: 3600)
        #expect(await fixture.hub.authorizeBlobUpload(containerName: "photos", blobName: target.blobName, signature: target.signature) == nil)
    }

    @Test func completingASuccessfulUploadNotifiesServices() async throws {
        await configure()
        let target = try await fixture.hub.startFileUpload(from: device, blobName: "shot.jpg")
        let notification = try await fixture.hub.completeFileUpload(
            from: device, correlationId: target.correlationId, isSuccess: true, statusCode: 200, statusDescription: "ok", blobSize: 2048)
        #expect(notification?.blobName == "camera-1/shot.jpg")
        #expect(notification?.blobUri == "https://uploads01.blob.core.windows.net/photos/camera-1/shot.jpg")
        #expect(notification?.blobSizeInBytes == 2048)
        #expect(try fixture.journalKinds().suffix(2) == ["FileUploadCompleted", "FileUploadNotification"])

        // A correlation id works once.
        await #expect(throws: HubError.self) {
            try await fixture.hub.completeFileUpload(
                from: device, correlationId: target.correlationId, isSuccess: true, statusCode: 200, statusDescription: "", blobSize: 1)
        }
        // A failed upload, or a hub with notifications off, notifies nobody.
        let failed = try await fixture.hub.startFileUpload(from: device, blobName: "broken.jpg")
        #expect(try await fixture.hub.completeFileUpload(
            from: device, correlationId: failed.correlationId, isSuccess: false, statusCode: 500, statusDescription: "disk", blobSize: 0) == nil)
    }

    @Test func azureRefusesUnconfiguredHubsModulesAndAnEleventhOpenUpload() async throws {
        await #expect(throws: HubError.self) { try await fixture.hub.startFileUpload(from: device, blobName: "a.txt") }
        await configure(notifications: false)
        await #expect(throws: HubError.self) {
            try await fixture.hub.startFileUpload(from: MessageSender(deviceId: "camera-1", moduleId: "vision"), blobName: "a.txt")
        }
        for index in 0..<10 { _ = try await fixture.hub.startFileUpload(from: device, blobName: "file-\(index)") }
        await #expect(throws: HubError.tooManyActiveFileUploads(deviceId: "camera-1", limit: 10)) {
            try await fixture.hub.startFileUpload(from: device, blobName: "file-10")
        }
        fixture.clock.advance(by: 3600)
        _ = try await fixture.hub.startFileUpload(from: device, blobName: "file-10")
    }

    @Test func settingsOutsideAzureRangesAreRefused() throws {
        #expect(throws: HubError.self) { try FileUploadSettings(sasTimeToLive: 25 * 3600).validated() }
        #expect(throws: HubError.self) { try FileUploadSettings(notificationsEnabled: true).validated() }
        #expect(throws: HubError.self) { try FileUploadSettings(storageConnectionString: "AccountKey=abc").validated() }
        let stored = FileUploadSettings(storageConnectionString: "AccountName=a;AccountKey=b", containerName: "c", notificationLockDuration: 30)
        #expect(try FileUploadSettings(json: stored.json) == stored)
    }
}
