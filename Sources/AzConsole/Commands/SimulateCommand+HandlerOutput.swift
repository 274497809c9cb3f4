import DeviceSimulation
import HubEngine
import JSONValue

extension SimulateCommand {
    /// What the extension's MQTT handlers print for an event, in Python's `pprint` notation;
    /// `nil` for events it prints nothing for.
    static func handlerOutput(_ event: SimulationEvent, deviceId: String, mqtt: Bool) -> String? {
        switch event {
        case .cloudToDeviceSettled(let received, let settlement):
            let message = received.message
            var properties: JSONObject = [:]
            if let messageId = message.messageId { properties["message_id"] = .string(messageId) }
            if let correlationId = message.correlationId { properties["correlation_id"] = .string(correlationId) }
            if let userId = message.userId { properties["user_id"] = .string(userId) }
            if let contentEncoding = message.contentEncoding { properties["content_encoding"] = .string(contentEncoding) }
            if let contentType = message.contentType { properties["content_type"] = .string(contentType) }
            for (name, value) in message.properties { properties[name] = .string(value) }
            let output: JSONValue = [
                "Topic": .string("/devices/\(deviceId)/messages/devicebound"),
                "Payload": .string(String(decoding: message.body, as: UTF8.self)),
                "Message Properties": .object(properties),
            ]
            var text = "\nC2D Message Handler [Received C2D message]:\n" + pretty(output)
            if !mqtt {
                let verb = ["complete": "Completing", "abandon": "Abandoning", "reject": "Rejecting"][settlement.rawValue] ?? ""
                text += "\nC2D Message Handler [\(verb) message]"
            }
            return text
        case .methodAnswered(let request, _, _):
            let output: JSONValue = [
                "Device Id": .string(deviceId), "Method Request Id": .string(request.requestId),
                "Method Request Name": .string(request.methodName), "Method Request Payload": request.payload,
            ]
            return "\nMethod Request Handler [Received direct method invocation request]:\n" + pretty(output)
        case .reportedPatched(let patch):
            // The extension's device reports only in answer to a desired patch.
            return "\nTwin patch handler [Updating device twin reported properties]:\n" + pretty(.object(patch))
        case .sendFailed(_, _, let error), .inputFailed(let error):
            return "WARNING: " + error
        case .messageSent, .finished:
            return nil
        }
    }

    /// `pprint.PrettyPrinter(indent=2)`: one line when it fits in 80 columns, otherwise one
    /// member per line; dictionary keys sorted, as pprint sorts them.
    static func pretty(_ value: JSONValue) -> String {
        let flat = python(value)
        guard flat.count > 80, case .object(let members) = value, !members.isEmpty else { return flat }
        let lines = members.keys.sorted().map { python(.string($0)) + ": " + python(members[$0] ?? .null) }
        return "{ " + lines.joined(separator: ",\n  ") + "}"
    }

    /// Python's `repr` of a decoded JSON value.
    private static func python(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .integer, .double: return value.serialized()
        case .string(let text):
            let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
            var escaped = ""
            for character in text {
                switch character {
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                case quote: escaped += "\\" + String(quote)
                default: escaped.append(character)
                }
            }
            return String(quote) + escaped + String(quote)
        case .array(let elements):
            return "[" + elements.map(python).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { python(.string($0)) + ": " + python(members[$0] ?? .null) }.joined(separator: ", ") + "}"
        }
    }
}
