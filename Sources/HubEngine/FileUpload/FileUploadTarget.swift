import Foundation
import IoTSecurity
import JSONValue

/// Where a device may write one file: what `POST /devices/{id}/files` answers.
///
/// The SAS token grants writing this one blob until `expiry`; the lab's blob endpoint checks it
/// with ``IoTHub/authorizeBlobUpload(containerName:blobName:signature:)``.
public struct FileUploadTarget: Sendable, Equatable {
    /// Quotes the upload when the device reports its outcome.
    public let correlationId: String
    public let storageAccount: String
    public let containerName: String
    /// `{deviceId}/{name the device asked for}`, as Azure places uploads.
    public let blobName: String
    /// The random signature the SAS token carries (`sig`).
    public let signature: String
    public let expiry: Date
    let deviceId: String

    /// `?sv=...&sr=b&sig=...&se=...&sp=rw`, in Azure Storage's SAS query form.
    public var sasToken: String {
        let se = PercentEncoding.encode(ISO8601DateFormatter().string(from: expiry))
        return "?sv=2018-03-28&sr=b&sig=\(PercentEncoding.encode(signature))&se=\(se)&sp=rw"
    }

    /// The reply body, with `hostName` the blob endpoint the device should write to: Azure's
    /// `{account}.blob.core.windows.net`, or the lab's own HTTPS address.
    public func json(hostName: String) -> JSONValue {
        [
            "correlationId": .string(correlationId), "hostName": .string(hostName), "containerName": .string(containerName),
            "blobName": .string(blobName), "sasToken": .string(sasToken),
        ]
    }
}
