import Foundation
import JSONValue

/// A device-to-cloud message as a device or module hands it to the hub, before the hub stamps,
/// enriches and routes it.
///
/// The front doors (MQTT topic property bags, HTTPS headers) and simulated devices all build
/// this one value, so the hub sees the same message whichever way it arrived.
public struct DeviceMessage: Sendable, Equatable {
    /// The payload, any bytes; JSON only matters to `$body` routing conditions.
    public var body: [UInt8]
    /// The application properties, in the order the device wrote them.
    public var applicationProperties: OrderedDictionary<String, String>
    /// `message-id`, at most 128 characters of Azure's id alphabet.
    public var messageId: String?
    /// `correlation-id`.
    public var correlationId: String?
    /// `user-id`.
    public var userId: String?
    /// `content-type`, e.g. `application/json`; `$body` conditions need it.
    public var contentType: String?
    /// `content-encoding`, e.g. `utf-8`; `$body` conditions need UTF-8, -16 or -32.
    public var contentEncoding: String?
    /// `absolute-expiry-time`.
    public var absoluteExpiryTime: Date?

    public init(
        body: [UInt8] = [], applicationProperties: OrderedDictionary<String, String> = [:],
        messageId: String? = nil, correlationId: String? = nil, userId: String? = nil,
        contentType: String? = nil, contentEncoding: String? = nil, absoluteExpiryTime: Date? = nil
    ) {
        self.body = body
        self.applicationProperties = applicationProperties
        self.messageId = messageId
        self.correlationId = correlationId
        self.userId = userId
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.absoluteExpiryTime = absoluteExpiryTime
    }
}
