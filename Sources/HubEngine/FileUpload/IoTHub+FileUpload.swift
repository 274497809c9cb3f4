import Foundation
import IoTSecurity
import JSONValue

extension IoTHub {
    /// Starts a device's file upload (`POST /devices/{id}/files`): a SAS URI for one blob in the
    /// hub's upload container, valid for the hub's SAS TTL.
    ///
    /// Azure's rules: only devices upload (not modules); the blob lands under a folder named
    /// after the device; at most ten uploads are open per device (`403006`); the hub must have a
    /// storage account and container configured.
    public func startFileUpload(from sender: MessageSender, blobName: String) throws -> FileUploadTarget {
        try requireReachable(sender)
        guard sender.moduleId == nil else {
            throw HubError.argumentInvalid(field: "moduleId", rule: "file upload is for devices; module \(sender.key) cannot upload files")
        }
        let settings = settings.fileUpload
        guard settings.isConfigured, let account = settings.storageAccountName else {
            throw HubError.argumentInvalid(
                field: "storageEndpoints.$default",
                rule: "file upload is not configured on hub \(self.settings.name); set a storage account and container "
                    + "(az iot hub update --fileupload-storage-connectionstring ... --fileupload-storage-container-name ...)")
        }
        let name = blobName.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard !name.isEmpty, name.utf8.count <= 1024 - sender.deviceId.utf8.count - 1 else {
            throw HubError.argumentInvalid(field: "blobName", rule: "must be 1 to 1024 characters with the device folder, was '\(blobName)'")
        }
        let now = clock.now()
        fileUploads.expire(at: now)
        guard fileUploads.count(for: sender.deviceId) < ActiveFileUploads.maximumPerDevice else {
            throw HubError.tooManyActiveFileUploads(deviceId: sender.deviceId, limit: ActiveFileUploads.maximumPerDevice)
        }
        let target = FileUploadTarget(
            correlationId: Self.randomToken(), storageAccount: account, containerName: settings.containerName,
            blobName: "\(sender.deviceId)/\(name)", signature: Self.randomToken(), expiry: now + settings.sasTimeToLive,
            deviceId: sender.deviceId)
        fileUploads.add(target)
        return target
    }

    /// The open upload a blob write belongs to, if its SAS signature is the one handed out and
    /// has not expired; the lab's blob endpoint refuses the write otherwise (403, as Storage does).
    public func authorizeBlobUpload(containerName: String, blobName: String, signature: String) -> FileUploadTarget? {
        fileUploads.expire(at: clock.now())
        return fileUploads.upload(containerName: containerName, blobName: blobName, signature: signature)
    }

    /// Ends an upload with the device's report (`POST /devices/{id}/files/notifications`) and,
    /// when the upload succeeded and the hub has notifications on, produces the notification
    /// services receive. Both go to the journal (`FileUploadCompleted`, `FileUploadNotification`).
    ///
    /// - Parameter blobSize: the size of the blob as written, which the notification reports.
    /// - Throws: `HubError.argumentInvalid` for a correlation id the device was not given or that
    ///   expired; the device's own errors (not registered, disabled) as for a connect.
    @discardableResult
    public func completeFileUpload(
        from sender: MessageSender, correlationId: String, isSuccess: Bool, statusCode: Int, statusDescription: String, blobSize: Int
    ) throws -> FileUploadNotification? {
        try requireReachable(sender)
        let now = clock.now()
        fileUploads.expire(at: now)
        guard let target = fileUploads.remove(correlationId: correlationId, deviceId: sender.deviceId) else {
            throw HubError.argumentInvalid(
                field: "correlationId", rule: "no open file upload of device \(sender.deviceId) has correlation id '\(correlationId)' (completed or expired)")
        }
        var events: [HubEvent] = [
            .messaging(
                kind: "FileUploadCompleted", subject: sender.deviceId,
                payload: [
                    "deviceId": .string(sender.deviceId), "blobName": .string(target.blobName), "isSuccess": .bool(isSuccess),
                    "statusCode": .integer(statusCode), "statusDescription": .string(statusDescription),
                ])
        ]
        var notification: FileUploadNotification?
        if isSuccess, settings.fileUpload.notificationsEnabled {
            let made = FileUploadNotification(
                deviceId: sender.deviceId,
                blobUri: "https://\(target.storageAccount).blob.core.windows.net/\(target.containerName)/\(target.blobName)",
                blobName: target.blobName, lastUpdatedTime: now, blobSizeInBytes: blobSize, enqueuedTimeUtc: now)
            events.append(.messaging(kind: "FileUploadNotification", subject: sender.deviceId, payload: made.json))
            notification = made
        }
        do {
            try write([], events: events, at: now)
        } catch {
            fileUploads.add(target)
            throw error
        }
        return notification
    }

    /// 32 random bytes in URL-safe base64, for correlation ids and SAS signatures.
    private static func randomToken() -> String {
        Data(SecureRandom.bytes(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
