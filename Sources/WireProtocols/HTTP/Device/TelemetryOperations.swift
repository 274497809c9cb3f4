import Foundation
import HubEngine
import JSONValue
import LabCore

/// Device-to-cloud messages over HTTPS (`POST /devices/{id}/messages/events`, and the module
/// form `/devices/{id}/modules/{mid}/messages/events`): the body is the payload, application
/// properties come from `iothub-app-{name}` headers and system properties from `iothub-messageid`,
/// `iothub-correlationid`, `iothub-userid`, `iothub-contenttype`, `iothub-contentencoding` and
/// `iothub-expiry`, as the Azure IoT device SDKs send them. 204 once the hub has the message.
enum TelemetryOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.POST, "/devices/{}/messages/events", .device, send),
        RESTRoute(.POST, "/devices/{}/modules/{}/messages/events", .module, send),
    ]

    /// The prefix of an application property's header.
    static let applicationPropertyPrefix = "iothub-app-"

    @Sendable static func send(_ call: RESTCall) async throws -> RESTResponse {
        guard let sender = call.sender else { throw RESTError.argumentInvalid(field: "Authorization", rule: "a device credential is required") }
        _ = try await call.hub.ingest(try message(from: call.request), from: sender)
        return .noContent
    }

    /// The message the headers and body describe; an `iothub-expiry` that is not an ISO 8601
    /// time is refused naming the header.
    static func message(from request: RESTRequest) throws(RESTError) -> DeviceMessage {
        var properties: OrderedDictionary<String, String> = [:]
        for (name, value) in request.headers where name.lowercased().hasPrefix(applicationPropertyPrefix) {
            properties[String(name.dropFirst(applicationPropertyPrefix.count))] = value
        }
        var expiry: Date?
        if let text = request.header("iothub-expiry") {
            guard let date = AzureTimestamp.date(text) else {
                throw .argumentInvalid(field: "iothub-expiry", rule: "must be an ISO 8601 UTC time such as 2024-01-01T00:00:00Z; it is '\(text)'")
            }
            expiry = date
        }
        return DeviceMessage(
            body: request.body, applicationProperties: properties, messageId: request.header("iothub-messageid"),
            correlationId: request.header("iothub-correlationid"), userId: request.header("iothub-userid"),
            contentType: request.header("iothub-contenttype"), contentEncoding: request.header("iothub-contentencoding"),
            absoluteExpiryTime: expiry)
    }
}
