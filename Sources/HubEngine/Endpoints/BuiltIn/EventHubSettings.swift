/// The built-in Event Hub-compatible endpoint's settings as Resource Manager holds them in
/// `properties.eventHubEndpoints.events`: partitions, retention and consumer groups.
///
/// The partition count is fixed when the hub is created (Azure cannot change it later);
/// retention and consumer groups can change at any time.
public struct EventHubSettings: Sendable, Equatable {
    /// The consumer group every hub has and nobody can delete.
    public static let defaultConsumerGroup = "$Default"
    /// Azure's range for `partitionCount` on paid tiers (the Event Hubs standard-tier ceiling of 32
    /// that `az iot hub create --partition-count` enforces).
    public static let partitionCountRange = 2...32
    /// Azure's range for `retentionTimeInDays` on the standard tier (free and basic keep 1 day).
    public static let retentionDaysRange = 1...7
    /// Consumer groups per hub, `$Default` included (Event Hubs' standard-tier limit).
    public static let maximumConsumerGroups = 20

    /// How many partitions the `events` stream has; a device's messages always land in the same one.
    public var partitionCount: Int
    /// How many days events are kept before retention deletes them.
    public var retentionDays: Int
    /// The consumer groups, `$Default` first; each keeps its own read position per partition.
    public var consumerGroups: [String]

    /// Azure's defaults: 4 partitions (2 on F1), 1 day, only `$Default`.
    public init(partitionCount: Int = 4, retentionDays: Int = 1, consumerGroups: [String] = [Self.defaultConsumerGroup]) {
        self.partitionCount = partitionCount
        self.retentionDays = retentionDays
        self.consumerGroups = consumerGroups
    }

    /// The defaults Azure gives a new hub of `tier`: the free tier has 2 partitions, others 4.
    public static func defaults(for tier: HubTier) -> EventHubSettings {
        EventHubSettings(partitionCount: tier == .free ? 2 : 4)
    }

    /// The settings, if Azure would accept them for a hub of `tier`.
    /// - Throws: `invalidEventHubSetting` naming `partitionCount` or `retentionTimeInDays` and the
    ///   allowed range; consumer group errors for a bad name, a duplicate, a missing `$Default`
    ///   or more than `maximumConsumerGroups`.
    public func validated(for tier: HubTier) throws(EndpointError) -> EventHubSettings {
        let partitions = tier == .free ? 2...2 : Self.partitionCountRange
        guard partitions.contains(partitionCount) else {
            throw .invalidEventHubSetting(
                field: "partitionCount",
                rule: "the \(tier.azureName) tier allows \(partitions.lowerBound) to \(partitions.upperBound) partitions, not \(partitionCount)")
        }
        let retention = tier == .standard ? Self.retentionDaysRange : 1...1
        guard retention.contains(retentionDays) else {
            throw .invalidEventHubSetting(
                field: "retentionTimeInDays",
                rule: "the \(tier.azureName) tier keeps events \(retention.lowerBound) to \(retention.upperBound) days, not \(retentionDays)")
        }
        guard consumerGroups.first == Self.defaultConsumerGroup else {
            throw .invalidEventHubSetting(field: "consumerGroups", rule: "'\(Self.defaultConsumerGroup)' must be the first consumer group")
        }
        guard consumerGroups.count <= Self.maximumConsumerGroups else {
            throw .consumerGroupLimitExceeded(limit: Self.maximumConsumerGroups)
        }
        var seen: Set<String> = []
        for name in consumerGroups {
            if name != Self.defaultConsumerGroup { try Self.validateConsumerGroupName(name) }
            guard seen.insert(name.lowercased()).inserted else { throw .consumerGroupAlreadyExists(name: name) }
        }
        return self
    }

    /// Event Hubs' naming rule for a consumer group: 1–50 letters, digits, `.`, `_` or `-`,
    /// starting and ending with a letter or digit.
    /// - Throws: `invalidConsumerGroupName`.
    public static func validateConsumerGroupName(_ name: String) throws(EndpointError) {
        let scalars = name.unicodeScalars
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
        }
        guard (1...50).contains(scalars.count), let first = scalars.first, let last = scalars.last,
            isAlphanumeric(first), isAlphanumeric(last),
            scalars.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" })
        else { throw .invalidConsumerGroupName(name: name) }
    }
}
