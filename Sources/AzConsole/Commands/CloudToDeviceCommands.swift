import Foundation
import HubEngine
import JSONValue

/// `az iot device c2d-message send|receive|complete|abandon|reject|purge` (azure-iot extension).
///
/// Receive and the settlements act as the device's HTTPS endpoint does: `etag` is the lock token.
enum CloudToDeviceCommands {
    static let groups = [
        GroupSpec("iot device", summary: "Leverage device simulation and other device-centric operations such as device-to-cloud or cloud-to-device messaging capabilities."),
        GroupSpec("iot device c2d-message", summary: "Cloud-to-device messaging commands."),
    ]

    private static let target = CommonFlags.hubAccess + [CommonFlags.deviceId]
    private static let etag = FlagSpec(
        ["--etag", "-e"], required: true,
        help: "Etag or entity tag corresponding to the last state of the resource. If no etag is provided the value '*' is used.")
    private static let ackGroup = "Message Ack"

    static let commands = [
        CommandSpec(
            "iot device c2d-message send", summary: "Send a cloud-to-device message.",
            details: "The message waits in the device's queue (at most 50) until a device receives and settles it or it expires.",
            flags: target + [
                DeviceMessageProperties.data, DeviceMessageProperties.flag,
                FlagSpec(["--message-id", "--mid"], help: "The C2D message Id. If no message Id is provided a UUID will be generated."),
                FlagSpec(["--correlation-id", "--cid"], help: "The correlation Id associated with the C2D message."),
                FlagSpec(["--user-id", "--uid"], help: "The C2D message, user Id property."),
                FlagSpec(["--content-type", "--ct"], help: "The content type for the C2D message body."),
                FlagSpec(["--content-encoding", "--ce"], default: "utf-8", help: "The encoding for the C2D message body."),
                FlagSpec(
                    ["--expiry-time-utc", "--expiry"], .integer(),
                    help: "Units are milliseconds since unix epoch. If no time is indicated the default IoT Hub C2D message TTL is used."),
                FlagSpec(
                    ["--ack"], .choice(["positive", "negative", "full"]),
                    help: "Request the delivery of per-message feedback regarding the final state of that message. Positive: feedback when the message is completed. Negative: feedback when it is dead-lettered. Full: both. By default, no ack is requested."),
            ]
        ) { context in
            let hub = try await context.hub()
            let arguments = context.arguments
            var message = CloudToDeviceMessage(
                body: Array((arguments.string("data") ?? "Ping from Az CLI IoT Extension").utf8),
                properties: DeviceMessageProperties.parse(arguments.string("properties")),
                messageId: arguments.string("message-id") ?? UUID().uuidString.lowercased(),
                correlationId: arguments.string("correlation-id"), userId: arguments.string("user-id"),
                contentType: arguments.string("content-type"), contentEncoding: arguments.string("content-encoding") ?? "utf-8",
                acknowledgement: arguments.string("ack").flatMap(CloudToDeviceMessage.Acknowledgement.init(rawValue:)) ?? .none)
            if let milliseconds = arguments.integer("expiry-time-utc") {
                let expiry = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
                guard expiry >= context.cloud.clock.now() else { throw ConsoleError.invalidValue("Message expiry time utc is in the past!") }
                message.expiryTime = expiry
            }
            try await hub.sendCloudToDevice(message, to: try context.required("device-id"))
            return nil
        },
        CommandSpec(
            "iot device c2d-message receive", summary: "Receive a cloud-to-device message.",
            details: "The message stays locked for --lock-timeout seconds; settle it with complete, abandon or reject and its etag, or with one of the Message Ack flags here.",
            flags: target + [
                FlagSpec(
                    ["--lock-timeout", "--lt"], .integer(), default: "60",
                    help: "Specifies the amount of time a message will be invisible to other receive calls."),
                FlagSpec(["--complete"], .boolean, group: ackGroup, help: "Complete the cloud-to-device message after receipt."),
                FlagSpec(["--abandon"], .boolean, group: ackGroup, help: "Abandon the cloud-to-device message after receipt."),
                FlagSpec(["--reject"], .boolean, group: ackGroup, help: "Reject the cloud-to-device message after receipt."),
            ]
        ) { context in
            let settlements = ["complete", "abandon", "reject"].filter { context.arguments.boolean($0) == true }
            guard settlements.count <= 1 else {
                throw ConsoleError.invalidValue("Only one c2d-message ack argument can be used [--complete, --abandon, --reject]")
            }
            let hub = try await context.hub()
            let deviceId = try context.required("device-id")
            let lockTimeout = context.arguments.integer("lock-timeout").map(TimeInterval.init) ?? 60
            guard let received = try await hub.receiveCloudToDevice(deviceId: deviceId, lockTimeout: lockTimeout) else { return nil }
            var output = receivedJSON(received)
            if let settlement = settlements.first {
                try await settle(settlement, hub: hub, deviceId: deviceId, lockToken: received.lockToken)
                output["ack"] = .string(settlement)
            }
            return output
        },
        settlementCommand("complete", summary: "Complete a cloud-to-device message."),
        settlementCommand("abandon", summary: "Abandon a cloud-to-device message."),
        settlementCommand("reject", summary: "Reject or deadletter a cloud-to-device message."),
        CommandSpec(
            "iot device c2d-message purge", summary: "Purge cloud-to-device message queue for a target device.", flags: target
        ) { context in
            let deviceId = try context.required("device-id")
            let purged = try await context.hub().purgeCloudToDevice(deviceId: deviceId)
            return ["deviceId": .string(deviceId), "moduleId": .null, "totalMessagesPurged": .integer(purged)]
        },
    ]

    private static func settlementCommand(_ name: String, summary: String) -> CommandSpec {
        CommandSpec("iot device c2d-message \(name)", summary: summary, flags: target + [etag]) { context in
            try await settle(name, hub: context.hub(), deviceId: context.required("device-id"), lockToken: context.required("etag"))
            return nil
        }
    }

    private static func settle(_ name: String, hub: IoTHub, deviceId: String, lockToken: String) async throws {
        switch name {
        case "abandon": try await hub.abandonCloudToDevice(deviceId: deviceId, lockToken: lockToken)
        case "reject": try await hub.rejectCloudToDevice(deviceId: deviceId, lockToken: lockToken)
        default: try await hub.completeCloudToDevice(deviceId: deviceId, lockToken: lockToken)
        }
    }

    /// What the extension prints for a received message: the HTTPS response's system headers and
    /// `iothub-app-` properties, the etag (lock token) and the body decoded as text.
    static func receivedJSON(_ received: ReceivedCloudToDeviceMessage) -> JSONValue {
        let message = received.message
        var system: JSONObject = [
            "iothub-messageid": .string(message.messageId ?? ""),
            "iothub-correlationid": .string(message.correlationId ?? ""),
            "iothub-sequencenumber": .string(String(received.sequenceNumber)),
            "iothub-to": .string(received.to),
            "iothub-userid": .string(message.userId ?? ""),
            "iothub-ack": .string(message.acknowledgement.rawValue),
            "iothub-expiry": .string(HTTPHeaderTime.string(received.expiryTime)),
            // The HTTPS header counts earlier deliveries: the first receive says 0.
            "iothub-deliverycount": .string(String(received.deliveryCount - 1)),
            "iothub-enqueuedtime": .string(HTTPHeaderTime.string(received.enqueuedTime)),
        ]
        if let contentType = message.contentType { system["ContentType"] = .string(contentType) }
        if let contentEncoding = message.contentEncoding { system["ContentEncoding"] = .string(contentEncoding) }
        var properties: JSONObject = [:]
        if !message.properties.isEmpty { properties["app"] = .object(message.properties.mapValues(JSONValue.string)) }
        properties["system"] = .object(system)
        var output: JSONObject = ["properties": .object(properties), "etag": .string(received.lockToken)]
        if !message.body.isEmpty { output["data"] = .string(String(decoding: message.body, as: UTF8.self)) }
        return .object(output)
    }
}

/// Times as IoT Hub's HTTPS device endpoint writes them in headers: .NET's invariant general
/// format, `9/4/2026 10:50:04 PM`, in UTC.
enum HTTPHeaderTime {
    static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let hour = parts.hour ?? 0
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : String(value ?? 0) }
        return "\(parts.month ?? 1)/\(parts.day ?? 1)/\(parts.year ?? 1) \(twelve):\(two(parts.minute)):\(two(parts.second)) \(hour < 12 ? "AM" : "PM")"
    }
}
