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
        let defaults = CloudToDeviceSettings()
        self = try CloudToDeviceSettings(
            defaultTimeToLive: fields.duration("defaultTtlAsIso8601") ?? defaults.defaultTimeToLive,
            maxDeliveryCount: fields.integer("maxDeliveryCount") ?? defaults.maxDeliveryCount,
            feedbackTimeToLive: feedback?.duration("ttlAsIso8601") ?? defaults.feedbackTimeToLive,
            feedbackLockDuration: feedback?.duration("lockDurationAsIso8601") ?? defaults.feedbackLockDuration,
            feedbackMaxDeliveryCount: feedback?.integer("maxDeliveryCount") ?? defaults.feedbackMaxDeliveryCount
        ).validated()
    }
}
