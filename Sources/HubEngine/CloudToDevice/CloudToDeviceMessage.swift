import Foundation
import JSONValue

/// A cloud-to-device message as the service sends it (`az iot device c2d-message send`, the
/// service SDK's `send_c2d_message`).
public struct CloudToDeviceMessage: Sendable, Equatable {
    /// Which outcomes produce a feedback record (Azure's `iothub-ack` property).
    public enum Acknowledgement: String, Sendable, CaseIterable {
        case none
        /// Feedback when the device completes the message.
        case positive
        /// Feedback when the message expires, is rejected or exceeds the delivery count.
        case negative
        /// Feedback on every outcome.
        case full

        /// Whether an outcome with this status asks for a feedback record.
        func wantsFeedback(for status: CloudToDeviceFeedback.Status) -> Bool {
            switch self {
            case .none: false
            case .full: true
            case .positive: status == .success
            case .negative: status != .success
            }
        }
    }

    /// The payload, any bytes; at most 64 KB.
    public var body: [UInt8]
    /// Application properties, in the order the sender wrote them.
    public var properties: OrderedDictionary<String, String>
    public var messageId: String?
    public var correlationId: String?
    public var userId: String?
    public var contentType: String?
    public var contentEncoding: String?
    public var acknowledgement: Acknowledgement
    /// When the message expires; `nil` uses `timeToLive`, or else the hub's default TTL.
    public var expiryTime: Date?
    /// Seconds the message lives after it is enqueued, at most 2 days.
    public var timeToLive: TimeInterval?

    public init(
        body: [UInt8] = [], properties: OrderedDictionary<String, String> = [:], messageId: String? = nil,
        correlationId: String? = nil, userId: String? = nil, contentType: String? = nil, contentEncoding: String? = nil,
        acknowledgement: Acknowledgement = .none, expiryTime: Date? = nil, timeToLive: TimeInterval? = nil
    ) {
        self.body = body
        self.properties = properties
        self.messageId = messageId
        self.correlationId = correlationId
        self.userId = userId
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.acknowledgement = acknowledgement
        self.expiryTime = expiryTime
        self.timeToLive = timeToLive
    }

    /// Azure's limit on a cloud-to-device message's size.
    public static let maximumBytes = 64 * 1024
    /// Azure's limit on a cloud-to-device message's time to live: 2 days.
    public static let maximumTimeToLive: TimeInterval = 2 * 24 * 3600
    /// How long a received message stays locked when the receiver names no lock timeout: 1 minute.
    public static let defaultLockDuration: TimeInterval = 60

    /// The size Azure counts: the body plus the application properties' names and values.
    var size: Int {
        body.count + properties.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
    }
}
