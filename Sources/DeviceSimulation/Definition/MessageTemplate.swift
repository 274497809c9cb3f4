import Foundation
import HubEngine
import JSONValue

/// One device-to-cloud message a simulated device sends every interval: its body template,
/// its application properties and the system properties a device sets.
public struct MessageTemplate: Sendable {
    /// The body as written: a string is a text template sent as written (the Telemetry
    /// Simulator's form); any other JSON value is a document template sent as compact JSON.
    public let template: JSONValue
    /// Application properties, in the order they are sent.
    public let properties: OrderedDictionary<String, PropertyRule>
    /// `content-type`; set `application/json` for routes to read `$body`. A device SDK sets
    /// none unless told to, so neither does a definition.
    public let contentType: String?
    /// `content-encoding`, e.g. `utf-8`.
    public let contentEncoding: String?
    let body: ValueTemplate
    let messageId: PlaceholderText?
    let correlationId: PlaceholderText?
    let userId: PlaceholderText?

    /// The message for one round, from the round's values.
    func message(with values: JSONObject) -> DeviceMessage {
        let filled = body.filled(with: values)
        let text = template.stringValue != nil ? filled.placeholderText : filled.serialized(.compact)
        var applicationProperties = OrderedDictionary<String, String>()
        for (name, rule) in properties {
            if let value = rule.value(with: values) { applicationProperties[name] = value }
        }
        return DeviceMessage(
            body: Array(text.utf8), applicationProperties: applicationProperties,
            messageId: messageId?.rendered(with: values), correlationId: correlationId?.rendered(with: values),
            userId: userId?.rendered(with: values), contentType: contentType, contentEncoding: contentEncoding)
    }
}

extension MessageTemplate {
    /// Reads one entry of `messages`; `names` are the values its placeholders may use.
    init(_ field: DefinitionField, names: Set<String>) throws(SimulationError) {
        _ = try field.allowingOnly(["template", "properties", "contentType", "contentEncoding", "messageId", "correlationId", "userId"])
        let templateField = try field.required("template")
        template = templateField.value
        body = try ValueTemplate(templateField, names: names)
        var properties = OrderedDictionary<String, PropertyRule>()
        for (name, property) in try field.member("properties")?.members() ?? [] {
            guard !name.isEmpty else { throw property.failure("an application property needs a name") }
            properties[name] = try PropertyRule(property, names: names)
        }
        self.properties = properties
        contentType = try field.member("contentType")?.string()
        contentEncoding = try field.member("contentEncoding")?.string()
        messageId = try field.member("messageId").map { field throws(SimulationError) in try PlaceholderText(field, names: names) }
        correlationId = try field.member("correlationId").map { field throws(SimulationError) in try PlaceholderText(field, names: names) }
        userId = try field.member("userId").map { field throws(SimulationError) in try PlaceholderText(field, names: names) }
    }
}
