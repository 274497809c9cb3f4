import Foundation
import LabCore

/// A message's system properties: those its sender set and those the hub stamps on arrival.
///
/// Stored as fields, not a dictionary, because every message on the 200,000-a-second path
/// carries them; `named` lists them under the names Azure uses on the wire and in Event Hubs
/// annotations (`message-id`, `iothub-connection-device-id`, `iothub-enqueuedtime`, ...).
public struct MessageSystemProperties: Sendable, Equatable {
    public var messageId: String?
    public var correlationId: String?
    public var userId: String?
    public var contentType: String?
    public var contentEncoding: String?
    public var absoluteExpiryTime: Date?
    /// Stamped: the device that sent it (or whose twin or lifecycle the event is about).
    public var connectionDeviceId: String?
    /// Stamped: the module that sent it, if one did.
    public var connectionModuleId: String?
    /// Stamped: `{"scope":"device","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}`.
    public var connectionAuthMethod: String?
    /// Stamped: the sender's registry generation id.
    public var connectionAuthGenerationId: String?
    /// Stamped: when the hub accepted the message.
    public var enqueuedTime: Date
    /// Stamped: `Telemetry`, `twinChangeEvents`, `deviceLifecycleEvents`,
    /// `deviceConnectionStateEvents` or `deviceJobLifecycleEvents`.
    public var messageSource: String

    public init(
        messageId: String? = nil, correlationId: String? = nil, userId: String? = nil, contentType: String? = nil,
        contentEncoding: String? = nil, absoluteExpiryTime: Date? = nil, connectionDeviceId: String? = nil,
        connectionModuleId: String? = nil, connectionAuthMethod: String? = nil, connectionAuthGenerationId: String? = nil,
        enqueuedTime: Date, messageSource: String
    ) {
        self.messageId = messageId
        self.correlationId = correlationId
        self.userId = userId
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.absoluteExpiryTime = absoluteExpiryTime
        self.connectionDeviceId = connectionDeviceId
        self.connectionModuleId = connectionModuleId
        self.connectionAuthMethod = connectionAuthMethod
        self.connectionAuthGenerationId = connectionAuthGenerationId
        self.enqueuedTime = enqueuedTime
        self.messageSource = messageSource
    }

    /// The properties that are set, under Azure's names, in Azure's order; times as IoT Hub writes
    /// them in twins (readers with another convention, such as Event Hubs annotations in epoch
    /// milliseconds, format `enqueuedTime` themselves).
    public var named: [(name: String, value: String)] {
        named(enqueuedTimeText: AzureTimestamp.string(enqueuedTime))
    }

    /// `named`, with the enqueued time's text given: the messages of one ingest batch share
    /// their enqueued time, so routing formats it once per batch rather than once per message.
    func named(enqueuedTimeText: String) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        func add(_ name: String, _ value: String?) {
            if let value { pairs.append((name, value)) }
        }
        add("message-id", messageId)
        add("correlation-id", correlationId)
        add("user-id", userId)
        add("content-type", contentType)
        add("content-encoding", contentEncoding)
        add("absolute-expiry-time", absoluteExpiryTime.map(AzureTimestamp.string))
        add("iothub-connection-device-id", connectionDeviceId)
        add("iothub-connection-module-id", connectionModuleId)
        add("iothub-connection-auth-method", connectionAuthMethod)
        add("iothub-connection-auth-generation-id", connectionAuthGenerationId)
        add("iothub-enqueuedtime", enqueuedTimeText)
        add("iothub-message-source", messageSource)
        return pairs
    }
}
