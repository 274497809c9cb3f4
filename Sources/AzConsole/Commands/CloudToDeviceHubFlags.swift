import Foundation
import HubEngine

/// The cloud-to-device flags of `az iot hub update` (core CLI), with its validators' messages.
enum CloudToDeviceHubFlags {
    static let flags = [
        FlagSpec(
            ["--c2d-ttl", "--ct"], .integer(),
            help: "The amount of time a message is available for the device to consume before it is expired by IoT Hub, between 1 and 48 hours."),
        FlagSpec(
            ["--c2d-max-delivery-count", "--cdd"], .integer(),
            help: "The number of times the IoT hub will attempt to deliver a cloud-to-device message to a device, between 1 and 100."),
        FlagSpec(
            ["--feedback-ttl", "--ft"], .integer(),
            help: "The period of time for which the IoT hub will maintain the feedback for expiration or delivery of cloud-to-device messages, between 1 and 48 hours."),
        FlagSpec(["--feedback-lock-duration", "--fld"], .integer(), help: "The lock duration for the feedback queue, between 5 and 300 seconds."),
        FlagSpec(
            ["--feedback-max-delivery-count", "--fd"], .integer(),
            help: "The number of times the IoT hub attempts to deliver a message on the feedback queue, between 1 and 100."),
    ]

    /// `current` with the flags given laid over it, or `nil` when none was given.
    static func settings(_ arguments: ParsedArguments, current: CloudToDeviceSettings) throws(ConsoleError) -> CloudToDeviceSettings? {
        guard flags.contains(where: { arguments.contains($0.key) }) else { return nil }
        var settings = current
        if let hours = try arguments.integer("c2d-ttl", in: 1...48, orRefuse: "Please specify the default time from 1 to 48 hours.") {
            settings.defaultTimeToLive = TimeInterval(hours * 3600)
        }
        if let count = try arguments.integer("c2d-max-delivery-count", in: 1...100, orRefuse: "Please specify the max delivery count from 1 to 100.") {
            settings.maxDeliveryCount = count
        }
        if let hours = try arguments.integer("feedback-ttl", in: 1...48, orRefuse: "Please specify the time from 1 to 48 hours.") {
            settings.feedbackTimeToLive = TimeInterval(hours * 3600)
        }
        if let seconds = try arguments.integer("feedback-lock-duration", in: 5...300, orRefuse: "Please specify the lock duration time from 5 to 300 seconds.") {
            settings.feedbackLockDuration = TimeInterval(seconds)
        }
        if let count = try arguments.integer("feedback-max-delivery-count", in: 1...100, orRefuse: "Please specify the max delivery count from 1 to 100.") {
            settings.feedbackMaxDeliveryCount = count
        }
        return settings
    }
}
