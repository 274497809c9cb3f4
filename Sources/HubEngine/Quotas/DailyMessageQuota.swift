import Foundation

/// The count of messages a hub has used since 00:00 UTC, against its tier's daily limit.
///
/// Every billable operation (device-to-cloud and cloud-to-device messages, twin reads and
/// updates, method requests and responses, query results) is counted in blocks of the tier's
/// meter (IoT Hub billing information). Once a message would take the count past the limit, the
/// hub refuses it with `403002 IotHubQuotaExceeded` until the next UTC day: Azure blocks "send and
/// receive operations for this hub until the next UTC day", it does not roll a 24-hour window.
/// A refused message is not counted, so the count never passes the limit.
public struct DailyMessageQuota: Sendable, Equatable {
    /// The hub's name, for the error text.
    public let hubName: String
    /// Messages allowed per UTC day.
    public let limit: Int
    /// The block each message is counted in.
    public let meter: MessageMeter
    /// The UTC day (days since 1970-01-01) that `usedThatDay` belongs to; `nil` before any charge.
    private var day: Int64?
    private var usedThatDay = 0

    /// A quota with nothing used, sized by the hub's SKU and units.
    public init(hubName: String, capacity: HubCapacity) {
        self.hubName = hubName
        limit = capacity.dailyMessageLimit
        meter = capacity.quotaMeter
    }

    /// A quota that has already used `used` messages on the UTC day of `date`: for a hub reopened
    /// from its workspace, or rescaled, since Azure applies new units to the day's count at once.
    public init(hubName: String, capacity: HubCapacity, used: Int, on date: Date) {
        self.init(hubName: hubName, capacity: capacity)
        day = Self.utcDay(of: date)
        usedThatDay = max(0, used)
    }

    /// Messages used on the UTC day of `now`: 0 once that day is later than the last charge's.
    /// An earlier `now` (a wall clock stepped back) still reads the latest day's count, so a
    /// clock correction never hands out a second quota. The `dailyMessageQuotaUsed` metric reads this.
    public func used(at now: Date) -> Int {
        guard let day, Self.utcDay(of: now) <= day else { return 0 }
        return usedThatDay
    }

    /// Messages still allowed on the UTC day of `now`; 0 when a hub scaled down has used more
    /// than its new limit.
    public func remaining(at now: Date) -> Int {
        max(0, limit - used(at: now))
    }

    /// 00:00 UTC after `now`, when the count starts again from zero.
    public func nextReset(after now: Date) -> Date {
        Date(timeIntervalSince1970: TimeInterval((Self.utcDay(of: now) + 1) * Self.secondsPerDay))
    }

    /// How many messages a payload of `payloadBytes` counts as on this hub (at least 1).
    public func messages(forPayloadBytes payloadBytes: Int) -> Int {
        meter.blocks(forPayloadBytes: payloadBytes)
    }

    /// Counts an operation of `payloadBytes` against today's quota and returns how many messages
    /// it counted as; refuses it, counting nothing, when it would pass the limit.
    @discardableResult
    public mutating func charge(payloadBytes: Int, at now: Date) throws(QuotaError) -> Int {
        let messages = messages(forPayloadBytes: payloadBytes)
        let used = used(at: now)
        guard messages <= limit - used else {
            throw .iotHubQuotaExceeded(hubName: hubName, limit: limit, current: used)
        }
        day = max(day ?? .min, Self.utcDay(of: now))
        usedThatDay = used + messages
        return messages
    }

    private static let secondsPerDay: Int64 = 86_400

    private static func utcDay(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / TimeInterval(secondsPerDay)).rounded(.down))
    }
}
