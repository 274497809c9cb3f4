import Foundation
import JSONValue
import LabCore

/// What the hub tells services when a device reports a successful upload, in the shape of
/// Azure's file-notification messages.
public struct FileUploadNotification: Sendable, Equatable {
    public let deviceId: String
    public let blobUri: String
    public let blobName: String
    public let lastUpdatedTime: Date
    public let blobSizeInBytes: Int
    public let enqueuedTimeUtc: Date

    public var json: JSONValue {
        [
            "deviceId": .string(deviceId), "blobUri": .string(blobUri), "blobName": .string(blobName),
            "lastUpdatedTime": .string(AzureTimestamp.string(lastUpdatedTime)), "blobSizeInBytes": .integer(blobSizeInBytes),
            "enqueuedTimeUtc": .string(AzureTimestamp.string(enqueuedTimeUtc)),
        ]
    }
}
