import Foundation
import HubEngine
import JSONValue
import LabCore
import NIOHTTP1

/// File upload as the device SDKs do it (`get_storage_info_for_blob`, `notify_blob_upload_status`):
/// `POST /devices/{id}/files` answers a SAS URI, the device writes the blob there with Azure
/// Storage's Put Blob (`PUT /{container}/{blob}?sv=...&sig=...`, served here by the same HTTPS
/// listener), then reports with `POST /devices/{id}/files/notifications`.
enum FileUploadOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.POST, "/devices/{}/files", .device, start),
        RESTRoute(.POST, "/devices/{}/files/notifications", .device, complete),
    ]

    /// The blob route takes any path, so it goes after every other route.
    static let blobRoutes: [RESTRoute] = [
        RESTRoute(.PUT, "/{}/{...}", .blobUpload, putBlob)
    ]

    /// `{"blobName"}` in; `{"correlationId", "hostName", "containerName", "blobName", "sasToken"}` out.
    @Sendable static func start(_ call: RESTCall) async throws -> RESTResponse {
        guard let sender = call.sender else { throw RESTError.argumentInvalid(field: "Authorization", rule: "a device credential is required") }
        guard let blobName = try call.request.jsonBody()["blobName"]?.stringValue else {
            throw RESTError.argumentInvalid(field: "blobName", rule: "is required and must be a string")
        }
        let upload = try await call.hub.startFileUpload(from: sender, blobName: blobName)
        return .json(upload.json(hostName: blobHostName(call)))
    }

    /// `{"correlationId", "isSuccess", "statusCode", "statusDescription"}`; 204.
    @Sendable static func complete(_ call: RESTCall) async throws -> RESTResponse {
        guard let sender = call.sender else { throw RESTError.argumentInvalid(field: "Authorization", rule: "a device credential is required") }
        let body = try call.request.jsonBody()
        guard let correlationId = body["correlationId"]?.stringValue else {
            throw RESTError.argumentInvalid(field: "correlationId", rule: "is required and must be a string")
        }
        guard let isSuccess = body["isSuccess"]?.boolValue else {
            throw RESTError.argumentInvalid(field: "isSuccess", rule: "is required and must be true or false")
        }
        let size = await call.blobs?.takeSize(of: correlationId) ?? 0
        try await call.hub.completeFileUpload(
            from: sender, correlationId: correlationId, isSuccess: isSuccess, statusCode: body["statusCode"]?.integerValue ?? 0,
            statusDescription: body["statusDescription"]?.stringValue ?? "", blobSize: size)
        return .noContent
    }

    /// Azure Storage's Put Blob: 201 with `ETag` and `Last-Modified`.
    @Sendable static func putBlob(_ call: RESTCall) async throws -> RESTResponse {
        guard let upload = call.upload, let blobs = call.blobs else { throw BlobUploadError.notServed }
        try await blobs.write(call.request.body, for: upload)
        let headers: HTTPHeaders = [
            "ETag": RESTResponse.quoted("0x" + String(UInt64.random(in: 1...UInt64.max), radix: 16, uppercase: true)),
            "Last-Modified": HTTPDate.string(call.now), "x-ms-request-server-encrypted": "false", "x-ms-version": "2018-03-28",
        ]
        return RESTResponse(status: .created, headers: headers)
    }

    /// The host the device should write to: the one it reached us by when that is not the hub's
    /// logical name (which resolves to Azure), else `localhost` with this listener's port.
    static func blobHostName(_ call: RESTCall) -> String {
        if let host = call.request.header("Host"), !host.lowercased().hasSuffix(".azure-devices.net") {
            return host
        }
        return call.peer.localPort == 443 ? "localhost" : "localhost:\(call.peer.localPort)"
    }
}
