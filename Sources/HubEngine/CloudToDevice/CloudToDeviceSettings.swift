import Foundation

/// The hub's cloud-to-device settings as Resource Manager holds them (`properties.cloudToDevice`).
///
/// Defaults and ranges are Azure's: messages live 1 hour unless the sender says otherwise (at most
/// 2 days) and are dead-lettered after 10 deliveries (1–100); feedback records live 1 hour, are
/// locked 5 seconds (5–300 s, what `az iot hub show` prints for a new hub) when read and delivered at most 10 times.
public struct CloudToDeviceSettings: Sendable, Equatable {
    /// `defaultTtlAsIso8601`, in seconds.
    public var defaultTimeToLive: TimeInterval
    /// `maxDeliveryCount`.
    public var maxDeliveryCount: Int
    /// `feedback.ttlAsIso8601`, in seconds.
    public var feedbackTimeToLive: TimeInterval
    /// `feedback.lockDurationAsIso8601`, in seconds.
    public var feedbackLockDuration: TimeInterval
    /// `feedback.maxDeliveryCount`.
    public var feedbackMaxDeliveryCount: Int

    public init(
        defaultTimeToLive: TimeInterval = 3600, maxDeliveryCount: Int = 10, feedbackTimeToLive: TimeInterval = 3600,
        feedbackLockDuration: TimeInterval = 5, feedbackMaxDeliveryCount: Int = 10
    ) {
        self.defaultTimeToLive = defaultTimeToLive
        self.maxDeliveryCount = maxDeliveryCount
        self.feedbackTimeToLive = feedbackTimeToLive
        self.feedbackLockDuration = feedbackLockDuration
        self.feedbackMaxDeliveryCount = feedbackMaxDeliveryCount
    }

    /// The same settings, or an `ArgumentInvalid` naming the first field out of Azure's range.
    public func validated() throws(DeviceMessagingError) -> CloudToDeviceSettings {
        let twoDays = CloudToDeviceMessage.maximumTimeToLive
        let checks: [(field: String, ok: Bool, rule: String)] = [
            ("cloudToDevice.defaultTtlAsIso8601", (60...twoDays).contains(defaultTimeToLive), "must be between 1 minute (PT1M) and 2 days (PT48H)"),
            ("cloudToDevice.maxDeliveryCount", (1...100).contains(maxDeliveryCount), "must be between 1 and 100"),
            ("cloudToDevice.feedback.ttlAsIso8601", (60...twoDays).contains(feedbackTimeToLive), "must be between 1 minute (PT1M) and 2 days (PT48H)"),
            ("cloudToDevice.feedback.lockDurationAsIso8601", (5...300).contains(feedbackLockDuration), "must be between 5 seconds (PT5S) and 5 minutes (PT5M)"),
            ("cloudToDevice.feedback.maxDeliveryCount", (1...100).contains(feedbackMaxDeliveryCount), "must be between 1 and 100"),
        ]
        if let broken = checks.first(where: { !$0.ok }) { throw .argumentInvalid(field: broken.field, rule: broken.rule) }
        return self
    }
}
