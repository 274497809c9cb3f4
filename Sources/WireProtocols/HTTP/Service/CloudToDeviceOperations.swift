import HubEngine
import JSONValue

/// The service side of cloud-to-device messaging over HTTPS: purging a device's queue
/// (`DELETE /devices/{id}/commands`) and reading delivery feedback
/// (`GET /messages/serviceBound/feedback`). Sending needs AMQP, which iotlab does not serve.
enum CloudToDeviceOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.DELETE, "/devices/{}/commands", .serviceConnect, purge),
        RESTRoute(.GET, "/messages/serviceBound/feedback", .serviceConnect, feedback),
    ]

    /// 200 with `{"totalMessagesPurged", "deviceId", "moduleId"}`.
    @Sendable static func purge(_ call: RESTCall) async throws -> RESTResponse {
        let deviceId = call.parameter(0)
        let purged = try await call.hub.purgeCloudToDevice(deviceId: deviceId)
        return .json(["totalMessagesPurged": .integer(purged), "deviceId": .string(deviceId), "moduleId": .null])
    }

    /// The feedback records still within the hub's feedback TTL as a JSON array, or 204 when
    /// there are none (the Python SDK accepts both and discards the body).
    @Sendable static func feedback(_ call: RESTCall) async throws -> RESTResponse {
        let records = try await call.hub.cloudToDeviceFeedback()
        return records.isEmpty ? .noContent : .json(.array(records.map(\.json)))
    }
}
