import LabCore

/// What the lab's blob endpoint refuses, with Azure Storage's status and error names.
enum BlobUploadError: AzureError, Equatable {
    /// 403: the SAS signature is not one the hub handed out for this blob, or it expired.
    case authenticationFailed(container: String, blob: String)
    /// 501: this iotlab was started without a place to write blobs.
    case notServed

    var httpStatus: Int {
        switch self {
        case .authenticationFailed: 403
        case .notServed: 501
        }
    }

    var errorCode: Int? { nil }

    var errorName: String {
        switch self {
        case .authenticationFailed: "AuthenticationFailed"
        case .notServed: "NotImplemented"
        }
    }

    var message: String {
        switch self {
        case .authenticationFailed(let container, let blob):
            "The SAS token does not grant writing \(container)/\(blob): ask the hub for a file upload (POST /devices/{id}/files) and use the URI it returns before it expires"
        case .notServed:
            "This iotlab does not store blobs"
        }
    }
}
