extension HubCapacity {
    /// Messages a hub may use per UTC day: per unit 8,000 on F1, 400,000 on x1, 6,000,000 on x2
    /// and 300,000,000 on x3 (Azure IoT Hub pricing, "total number of messages per day").
    public var dailyMessageLimit: Int {
        let perUnit =
            switch (tier, size) {
            case (.free, _): 8_000
            case (_, 1): 400_000
            case (_, 2): 6_000_000
            default: 300_000_000
            }
        return perUnit * units
    }

    /// The block a message is counted in against the daily quota: 0.5 KB on the free tier,
    /// 4 KB on every other tier.
    public var quotaMeter: MessageMeter {
        tier == .free ? .halfKilobyte : .fourKilobytes
    }
}
