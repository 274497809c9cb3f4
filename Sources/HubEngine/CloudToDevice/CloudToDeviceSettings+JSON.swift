import Foundation
import JSONValue

extension CloudToDeviceSettings {
    /// The settings as `az iot hub show` prints `properties.cloudToDevice`.
    public var json: JSONValue {
        [
            "maxDeliveryCount": .integer(maxDeliveryCount),
            "defaultTtlAsIso8601": .string(ISO8601Duration.string(defaultTimeToLive)),
            "feedback": [
                "lockDurationAsIso8601": .string(ISO8601Duration.string(feedbackLockDuration)),
                "ttlAsIso8601": .string(ISO8601Duration.string(feedbackTimeToLive)),
                "maxDeliveryCount": .integer(feedbackMaxDeliveryCount),
            ],
        ]
    }

    /// Reads `properties.cloudToDevice`; a missing member takes Azure's default, so records written
    /// before a field existed still load. The result is validated.
    public init(json: JSONValue) throws {
        let fields = try JSONFields(json, path: "cloudToDevice")
        let feedback = try fields.object("feedback")
        func duration(_ source: JSONFields?, _ name: String, default value: TimeInterval) throws -> TimeInterval {
            guard let source, let text = try source.string(name) else { return value }
            guard let seconds = ISO8601Duration.seconds(text) else {
                throw DeviceMessagingError.argumentInvalid(field: source.field(name), rule: "'\(text)' is not an ISO 8601 duration such as PT1H")
            }
            return seconds
        }
        let defaults = CloudToDeviceSettings()
        self = try CloudToDeviceSettings(
            defaultTimeToLive: duration(fields, "defaultTtlAsIso8601", default: defaults.defaultTimeToLive),
            maxDeliveryCount: fields.integer("maxDeliveryCount") ?? defaults.maxDeliveryCount,
            feedbackTimeToLive: duration(feedback, "ttlAsIso8601", default: defaults.feedbackTimeToLive),
            feedbackLockDuration: duration(feedback, "lockDurationAsIso8601", default: defaults.feedbackLockDuration),
            feedbackMaxDeliveryCount: feedback?.integer("maxDeliveryCount") ?? defaults.feedbackMaxDeliveryCount
        ).validated()
    }
}
