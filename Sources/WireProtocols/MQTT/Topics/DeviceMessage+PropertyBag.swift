import Foundation
import HubEngine
import MQTTCodec

extension DeviceMessage {
    /// The message a telemetry PUBLISH carries: `$.`-prefixed keys are system properties, the
    /// rest application properties, in the order written.
    ///
    /// `$.mid`, `$.cid`, `$.uid`, `$.ct`, `$.ce` and `$.exp` (ISO 8601) map to the message's
    /// system properties. `$.on` (a module's output name) and `$.ifid` (the security-agent
    /// interface id) have no place in the hub's message yet and are dropped, as is an `$.exp`
    /// that is not a date, rather than refusing a message the SDK would resend forever.
    init(body: [UInt8], bag: PropertyBag) {
        self.init(body: body)
        for (key, value) in bag.pairs {
            switch key {
            case "$.mid": messageId = value
            case "$.cid": correlationId = value
            case "$.uid": userId = value
            case "$.ct": contentType = value
            case "$.ce": contentEncoding = value
            case "$.exp": absoluteExpiryTime = Self.expiryDate(value)
            case "$.on", "$.ifid": continue
            default: applicationProperties[key] = value
            }
        }
    }

    /// The message of a telemetry PUBLISH whose topic carried `bag`. IoT Hub keeps no retained
    /// messages; it marks a retained one for the back end instead (`mqtt-retain`).
    init(telemetry publish: MQTTPublish, bag: PropertyBag) {
        self.init(body: publish.payload, bag: bag)
        if publish.retain { applicationProperties["mqtt-retain"] = "true" }
    }

    /// Python's `isoformat()` writes no zone for a naive time and six fractional digits; other
    /// clients write `Z` or an offset. A time without a zone is taken as UTC.
    static func expiryDate(_ text: String) -> Date? {
        let hasZone = text.hasSuffix("Z") || text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-")
        let zoned = hasZone ? text : text + "Z"
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: zoned) ?? ISO8601DateFormatter().date(from: zoned)
    }
}
