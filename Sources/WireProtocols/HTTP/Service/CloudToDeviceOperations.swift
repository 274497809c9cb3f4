import HubEngine
import JSONValue
import LabCore

/// The service side of cloud-to-device messaging over HTTPS: purging a device's queue
/// (`DELETE /devices/{id}/commands`) and receiving delivery feedback as IoT Hub's HTTP runtime
/// serves it: `GET /messages/serviceBound/feedback` locks the available records as one batch
/// (its lock token in `ETag`), `DELETE .../feedback/{lockToken}` completes it and
/// `POST .../feedback/{lockToken}/abandon` offers it again. Sending needs AMQP, which iotlab
/// does not serve.
enum CloudToDeviceOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.DELETE, "/devices/{}/commands", .serviceConnect, purge),
        RESTRoute(.GET, "/messages/serviceBound/feedback", .serviceConnect, feedback),
        RESTRoute(.DELETE, "/messages/serviceBound/feedback/{}", .serviceConnect, completeFeedback),
        RESTRoute(.POST, "/messages/serviceBound/feedback/{}/abandon", .serviceConnect, abandonFeedback),
    ]

    /// 200 with `{"totalMessagesPurged", "deviceId", "moduleId"}`.
    @Sendable static func purge(_ call: RESTCall) async throws -> RESTResponse {
        let deviceId = call.parameter(0)
        let purged = try await call.hub.purgeCloudToDevice(deviceId: deviceId)
        return .json(["totalMessagesPurged": .integer(purged), "deviceId": .string(deviceId), "moduleId": .null])
    }

    /// The available feedback records as a JSON array, locked as one batch, or 204 when there
    /// are none (the Python SDK accepts both and discards the body).
    @Sendable static func feedback(_ call: RESTCall) async throws -> RESTResponse {
        guard let batch = try await call.hub.receiveCloudToDeviceFeedback() else { return .noContent }
        var response = RESTResponse.json(.array(batch.records.map(\.json)), etag: batch.lockToken)
        response.headers.replaceOrAdd(name: "iothub-deliverycount", value: String(batch.deliveryCount))
        response.headers.replaceOrAdd(name: "iothub-expiry", value: AzureTimestamp.string(batch.lockedUntil))
        return response
    }

    /// 204, or 412 when the lock token is not held.
    @Sendable static func completeFeedback(_ call: RESTCall) async throws -> RESTResponse {
        try await call.hub.completeCloudToDeviceFeedback(lockToken: ETag.unquoted(call.parameter(0)))
        return .noContent
    }

    /// 204, or 412 when the lock token is not held.
    @Sendable static func abandonFeedback(_ call: RESTCall) async throws -> RESTResponse {
        try await call.hub.abandonCloudToDeviceFeedback(lockToken: ETag.unquoted(call.parameter(0)))
        return .noContent
    }
}
