import Foundation

/// The uploads handed out and not yet completed, with Azure's limit of ten open per device.
///
/// Kept in memory: an upload that outlives the process can be started again, as a device does
/// when its SAS URI expires.
struct ActiveFileUploads {
    static let maximumPerDevice = 10
    private var uploads: [String: FileUploadTarget] = [:]

    /// Forgets uploads whose SAS URI has expired.
    mutating func expire(at now: Date) {
        uploads = uploads.filter { $0.value.expiry > now }
    }

    func count(for deviceId: String) -> Int {
        uploads.values.count { $0.deviceId == deviceId }
    }

    mutating func add(_ target: FileUploadTarget) {
        uploads[target.correlationId] = target
    }

    func upload(containerName: String, blobName: String, signature: String) -> FileUploadTarget? {
        uploads.values.first { $0.containerName == containerName && $0.blobName == blobName && $0.signature == signature }
    }

    mutating func remove(correlationId: String, deviceId: String) -> FileUploadTarget? {
        guard let target = uploads[correlationId], target.deviceId == deviceId else { return nil }
        uploads[correlationId] = nil
        return target
    }
}
