import Foundation
import HubEngine

extension ReceivedCloudToDeviceMessage {
    /// `devices/{id}/messages/devicebound/{bag}`, with the system properties first as `%24.`
    /// keys (`$.mid`, `$.to`, `$.cid`, `$.uid`, `$.ct`, `$.ce`, `$.exp`, then `iothub-ack`), then
    /// the application properties; every key and value fully encoded (reference §4.4).
    var mqttTopic: String {
        var bag = PropertyBag()
        if let messageId = message.messageId { bag.pairs.append(("$.mid", messageId)) }
        bag.pairs.append(("$.to", to))
        if let correlationId = message.correlationId { bag.pairs.append(("$.cid", correlationId)) }
        if let userId = message.userId { bag.pairs.append(("$.uid", userId)) }
        if let contentType = message.contentType { bag.pairs.append(("$.ct", contentType)) }
        if let contentEncoding = message.contentEncoding { bag.pairs.append(("$.ce", contentEncoding)) }
        bag.pairs.append(("$.exp", Self.expiryFormat.string(from: expiryTime)))
        if message.acknowledgement != .none { bag.pairs.append(("iothub-ack", message.acknowledgement.rawValue)) }
        for (key, value) in message.properties { bag.pairs.append((key, value)) }
        return "devices/\(deviceId)/messages/devicebound/\(bag.encoded)"
    }

    private static var expiryFormat: ISO8601DateFormatter {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format
    }
}
