import HubEngine
import LabCore
import NIOHTTP1

/// The device side of cloud-to-device messaging over HTTPS, as IoT Hub serves it to devices
/// that poll: `GET /devices/{id}/messages/deviceBound` locks and returns the next message (204
/// when none waits), its lock token in `ETag`; `DELETE .../deviceBound/{etag}` completes it,
/// with `?reject` rejects it, and `POST .../deviceBound/{etag}/abandon` puts it back. A lock
/// token that is stale or unknown is 412 DeviceMessageLockLost.
enum CloudToDeviceReceiveOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.GET, "/devices/{}/messages/deviceBound", .device, receive),
        RESTRoute(.DELETE, "/devices/{}/messages/deviceBound/{}", .device, complete),
        RESTRoute(.POST, "/devices/{}/messages/deviceBound/{}/abandon", .device, abandon),
    ]

    @Sendable static func receive(_ call: RESTCall) async throws -> RESTResponse {
        guard let received = try await call.hub.receiveCloudToDevice(deviceId: call.parameter(0)) else {
            return .noContent
        }
        return RESTResponse(status: .ok, headers: headers(of: received), body: received.message.body)
    }

    @Sendable static func complete(_ call: RESTCall) async throws -> RESTResponse {
        let lockToken = ETag.unquoted(call.parameter(1))
        if call.request.query["reject"] != nil {
            try await call.hub.rejectCloudToDevice(deviceId: call.parameter(0), lockToken: lockToken)
        } else {
            try await call.hub.completeCloudToDevice(deviceId: call.parameter(0), lockToken: lockToken)
        }
        return .noContent
    }

    @Sendable static func abandon(_ call: RESTCall) async throws -> RESTResponse {
        try await call.hub.abandonCloudToDevice(deviceId: call.parameter(0), lockToken: ETag.unquoted(call.parameter(1)))
        return .noContent
    }

    /// The message's system properties under IoT Hub's HTTPS header names and its application
    /// properties as `iothub-app-{name}`.
    static func headers(of received: ReceivedCloudToDeviceMessage) -> HTTPHeaders {
        let message = received.message
        var headers: HTTPHeaders = [
            "ETag": RESTResponse.quoted(received.lockToken),
            "iothub-sequencenumber": String(received.sequenceNumber),
            "iothub-enqueuedtime": AzureTimestamp.string(received.enqueuedTime),
            "iothub-expiry": AzureTimestamp.string(received.expiryTime),
            "iothub-deliverycount": String(received.deliveryCount),
            "iothub-to": received.to,
        ]
        let optional: [(String, String?)] = [
            ("iothub-messageid", message.messageId), ("iothub-correlationid", message.correlationId),
            ("iothub-userid", message.userId), ("iothub-contenttype", message.contentType),
            ("iothub-contentencoding", message.contentEncoding),
            ("iothub-ack", message.acknowledgement == .none ? nil : message.acknowledgement.rawValue),
        ]
        for case let (name, value?) in optional {
            headers.add(name: name, value: value)
        }
        for (name, value) in message.properties {
            headers.add(name: TelemetryOperations.applicationPropertyPrefix + name, value: value)
        }
        return headers
    }

}
