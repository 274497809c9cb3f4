import HubEngine
import JSONValue

/// `az iot device send-d2c-message` (azure-iot extension): connects as the device, as the
/// extension's MQTT client does (taking over any other connection of the device), sends the
/// messages one by one and disconnects.
enum DeviceMessageCommands {
    static let commands = [
        CommandSpec(
            "iot device send-d2c-message", summary: "Send an mqtt device-to-cloud message.",
            details: "In --props, $.mid, $.cid, $.uid, $.ct and $.ce set the message id, correlation id, user id, content type and content encoding system properties, as over MQTT.",
            flags: CommonFlags.hubAccess + [
                CommonFlags.deviceId, DeviceMessageProperties.data,
                FlagSpec(
                    ["--properties", "--props", "-p"],
                    help: "Message property bag in key-value pairs with the following format: a=b;c=d. For mqtt messaging - you are able to send system properties using $.<name>=value. For instance $.cid=12345 sets the system correlation id property. Other system property identifier examples include $.ct for content type, $.mid for message id and $.ce for content encoding."),
                FlagSpec(["--msg-count", "--mc"], .integer(), default: "1", help: "Number of device messages to send to IoT Hub."),
            ]
        ) { context in
            let hub = try await context.hub()
            let message = mqttMessage(
                data: context.arguments.string("data") ?? "Ping from Az CLI IoT Extension",
                properties: DeviceMessageProperties.parse(context.arguments.string("properties")))
            let session = try await hub.connect(MessageSender(deviceId: try context.required("device-id")))
            do {
                for _ in 0..<max(0, context.arguments.integer("msg-count") ?? 1) { _ = try await session.send(message) }
            } catch {
                await session.disconnect()
                throw error
            }
            await session.disconnect()
            return nil
        }
    ]

    /// The message an MQTT device sends: `$.`-prefixed properties are system properties.
    static func mqttMessage(data: String, properties: OrderedDictionary<String, String>) -> DeviceMessage {
        var message = DeviceMessage(body: Array(data.utf8))
        for (name, value) in properties {
            switch name {
            case "$.mid": message.messageId = value
            case "$.cid": message.correlationId = value
            case "$.uid": message.userId = value
            case "$.ct": message.contentType = value
            case "$.ce": message.contentEncoding = value
            default: message.applicationProperties[name] = value
            }
        }
        return message
    }
}
