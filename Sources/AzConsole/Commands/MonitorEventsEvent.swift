import Foundation
import HubEngine
import JSONValue

/// One event as `az iot hub monitor-events` shows it: `{"event": {"origin", "module", "interface",
/// "component", ["properties": {"system", "application"}], ["annotations"], "payload"}}`, built
/// in the azure-iot extension's order from the message the built-in endpoint holds.
struct MonitorEventsEvent {
    /// Which of `sys`, `app`, `anno`, `all` were asked for with `--properties`.
    var properties: Set<String>
    /// `--content-type`: how to read every payload whatever the device declared.
    var contentType: String?

    func json(for event: EnqueuedEvent) -> JSONValue {
        let message = event.message
        let system = message.systemProperties
        var body: JSONObject = [
            "origin": .string(system.connectionDeviceId ?? ""),
            "module": .string(system.connectionModuleId ?? ""),
            "interface": "",
            "component": "",
        ]
        let wantsAll = properties.contains("all")
        var propertyMembers: JSONObject = [:]
        if !properties.isEmpty { body["properties"] = .object([:]) }
        if wantsAll || properties.contains("anno") { body["annotations"] = .object(annotations(event)) }
        let systemMembers = amqpProperties(system)
        if !systemMembers.isEmpty, wantsAll || properties.contains("sys") { propertyMembers["system"] = .object(systemMembers) }
        if wantsAll || properties.contains("app") {
            propertyMembers["application"] = .object(JSONObject(uniqueKeysWithValues: message.applicationProperties.map { ($0.key, JSONValue.string($0.value)) }))
        }
        if !properties.isEmpty { body["properties"] = .object(propertyMembers) }
        body["payload"] = payload(message.body, declared: system.contentType)
        return ["event": .object(body)]
    }

    /// The Event Hubs message annotations IoT Hub sets, times in epoch milliseconds.
    private func annotations(_ event: EnqueuedEvent) -> JSONObject {
        let system = event.message.systemProperties
        var members: JSONObject = [:]
        if let device = system.connectionDeviceId { members["iothub-connection-device-id"] = .string(device) }
        if let module = system.connectionModuleId { members["iothub-connection-module-id"] = .string(module) }
        if let method = system.connectionAuthMethod { members["iothub-connection-auth-method"] = .string(method) }
        if let generation = system.connectionAuthGenerationId { members["iothub-connection-auth-generation-id"] = .string(generation) }
        members["iothub-enqueuedtime"] = .integer(Self.milliseconds(system.enqueuedTime))
        members["iothub-message-source"] = .string(system.messageSource)
        members["x-opt-sequence-number"] = .integer(Int(event.sequenceNumber))
        members["x-opt-offset"] = .string(event.offset)
        members["x-opt-enqueued-time"] = .integer(Self.milliseconds(event.enqueuedTime))
        return members
    }

    /// The AMQP message properties that are set, under uamqp's attribute names in the
    /// alphabetical order the extension lists them (`parse_entity` walks `dir()`).
    private func amqpProperties(_ system: MessageSystemProperties) -> JSONObject {
        var members: JSONObject = [:]
        if let expiry = system.absoluteExpiryTime { members["absolute_expiry_time"] = .integer(Self.milliseconds(expiry)) }
        let texts: [(String, String?)] = [
            ("content_encoding", system.contentEncoding), ("content_type", system.contentType),
            ("correlation_id", system.correlationId), ("message_id", system.messageId), ("user_id", system.userId),
        ]
        for (name, value) in texts { if let value, !value.isEmpty { members[name] = .string(value) } }
        return members
    }

    /// The body as text, parsed as JSON when the content type (the `--content-type` hint, else
    /// the message's own) says `application/json` and it parses; as text otherwise.
    private func payload(_ body: [UInt8], declared: String?) -> JSONValue {
        let text = String(decoding: body, as: UTF8.self)
        let type = (contentType ?? declared ?? "").lowercased()
        guard type.contains("application/json") else { return .string(text) }
        // The extension first strips escaped line breaks (a literal `\r\n`, `\r` or `\n`).
        let cleaned = text.replacingOccurrences(of: #"(\\r\\n)+|\\r+|\\n+"#, with: "", options: .regularExpression)
        return (try? JSONValue(parsing: cleaned)) ?? .string(text)
    }

    static func milliseconds(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
