import Foundation
import HubEngine
import JSONValue
import LabCore

/// Device-to-cloud messages over HTTPS (`POST /devices/{id}/messages/events`, and the module
/// form `/devices/{id}/modules/{mid}/messages/events`): the body is the payload, application
/// properties come from `iothub-app-{name}` headers and system properties from `iothub-messageid`,
/// `iothub-correlationid`, `iothub-userid`, `iothub-contenttype`, `iothub-contentencoding` and
/// `iothub-expiry`, as the Azure IoT device SDKs send them. 204 once the hub has the message
/// (or, for a batch, every message).
enum TelemetryOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.POST, "/devices/{}/messages/events", .device, send),
        RESTRoute(.POST, "/devices/{}/modules/{}/messages/events", .module, send),
    ]

    /// The prefix of an application property's header.
    static let applicationPropertyPrefix = "iothub-app-"

    /// The content type of a batch: a JSON array of `{"body", "base64Encoded", "properties"}`,
    /// each `properties` holding the message's HTTPS header names and values (the Java and C#
    /// device SDKs' `sendEventBatch`).
    static let batchContentType = "application/vnd.microsoft.iothub.json"

    @Sendable static func send(_ call: RESTCall) async throws -> RESTResponse {
        guard let sender = call.sender else { throw RESTError.argumentInvalid(field: "Authorization", rule: "a device credential is required") }
        if call.request.header("Content-Type")?.lowercased().hasPrefix(batchContentType) == true {
            let batch = try messages(inBatch: call.request.jsonBody())
            // Each message is judged on its own, as over MQTT; the first refusal is the answer.
            for result in try await call.hub.ingest(batch.map { ($0, sender) }) {
                _ = try result.get()
            }
        } else {
            let headers = call.request.headers.map { ($0.name, $0.value) }
            _ = try await call.hub.ingest(try message(body: call.request.body, properties: headers), from: sender)
        }
        return .noContent
    }

    /// The messages of a batch body, in order; an entry of the wrong shape is refused naming it.
    static func messages(inBatch body: JSONValue) throws(RESTError) -> [DeviceMessage] {
        guard let entries = body.arrayValue else {
            throw .argumentInvalid(field: "body", rule: "a batch must be a JSON array of {\"body\", \"base64Encoded\", \"properties\"}")
        }
        var messages: [DeviceMessage] = []
        for (index, entry) in entries.enumerated() {
            let field = "body[\(index)]"
            guard let text = entry["body"]?.stringValue else {
                throw .argumentInvalid(field: "\(field).body", rule: "is required and must be a string")
            }
            var payload = Array(text.utf8)
            if entry["base64Encoded"]?.boolValue == true {
                guard let decoded = Data(base64Encoded: text) else {
                    throw .argumentInvalid(field: "\(field).body", rule: "is not valid base64 although base64Encoded is true")
                }
                payload = Array(decoded)
            }
            var properties: [(String, String)] = []
            for (name, value) in entry["properties"]?.objectValue ?? [:] {
                guard let text = value.stringValue else {
                    throw .argumentInvalid(field: "\(field).properties.\(name)", rule: "must be a string")
                }
                properties.append((name, text))
            }
            messages.append(try message(body: payload, properties: properties))
        }
        return messages
    }

    /// The message a body and its HTTPS properties (header names, matched without regard to case)
    /// describe; an `iothub-expiry` that is not an ISO 8601 time is refused naming it.
    static func message(body: [UInt8], properties: [(String, String)]) throws(RESTError) -> DeviceMessage {
        var system: [String: String] = [:]
        var application: OrderedDictionary<String, String> = [:]
        for (name, value) in properties {
            let lowered = name.lowercased()
            if lowered.hasPrefix(applicationPropertyPrefix) {
                application[String(name.dropFirst(applicationPropertyPrefix.count))] = value
            } else {
                system[lowered] = value
            }
        }
        var expiry: Date?
        if let text = system["iothub-expiry"] {
            guard let date = AzureTimestamp.date(text) else {
                throw .argumentInvalid(field: "iothub-expiry", rule: "must be an ISO 8601 UTC time such as 2024-01-01T00:00:00Z; it is '\(text)'")
            }
            expiry = date
        }
        return DeviceMessage(
            body: body, applicationProperties: application, messageId: system["iothub-messageid"],
            correlationId: system["iothub-correlationid"], userId: system["iothub-userid"], contentType: system["iothub-contenttype"],
            contentEncoding: system["iothub-contentencoding"], absoluteExpiryTime: expiry)
    }
}
