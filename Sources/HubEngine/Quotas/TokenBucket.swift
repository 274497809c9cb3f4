import Foundation

/// A token bucket with a bounded queue behind it: Azure's traffic shaping for one throttle.
///
/// Tokens refill continuously at the limit's rate up to `burst`. A request that finds enough
/// tokens is admitted now. One that does not borrows against future refills and waits until
/// they arrive, so queued requests leave at exactly the limit rate and waits grow while traffic
/// stays above it. When the borrowing would exceed `backlog`, the queue is full and the request
/// is refused without taking anything (IoT Hub traffic shaping: first processed immediately,
/// then queued at the limit rate, then 429).
///
/// All arithmetic is in integers, microseconds times requests, so a manual clock stepping in
/// hundredths of a second gets exact answers and tests need no tolerance.
public struct TokenBucket: Sendable, Equatable {
    /// What the bucket did with one request.
    public enum Outcome: Sendable, Equatable {
        /// Enough tokens: processed now.
        case admitted
        /// Queued: processed at `until`, when the refill reaches it.
        case delayed(until: Date)
        /// The backlog is full; the earliest instant the same request would be queued is `retryAfter`.
        case backlogFull(retryAfter: Date)
        /// The request costs more than `burst` plus `backlog`, so no wait can ever admit it.
        case exceedsCapacity
    }

    public let limit: ThrottleLimit
    /// Tokens (operations or blocks) a full bucket admits at once.
    public let burst: Int
    /// Tokens' worth of requests that may wait.
    public let backlog: Int

    /// Tokens × the period in microseconds; negative while requests wait. Scaling by the period
    /// makes one microsecond refill exactly `limit.count` units.
    private var credit: Int64
    /// When `credit` was last brought up to date, in microseconds since 1970.
    private var updatedAt: Int64

    /// A full bucket: the first `burst` requests go straight through.
    public init(limit: ThrottleLimit, burst: Int, backlog: Int, at now: Date) {
        self.limit = limit
        self.burst = max(0, burst)
        self.backlog = max(0, backlog)
        credit = Int64(self.burst) * Self.periodMicroseconds(limit)
        updatedAt = Self.microseconds(now)
    }

    /// A bucket for `limit` sized by `shaping`.
    public init(limit: ThrottleLimit, shaping: TrafficShaping, at now: Date) {
        self.init(limit: limit, burst: shaping.burst(for: limit), backlog: shaping.backlog(for: limit), at: now)
    }

    /// Tokens available now; 0 while requests wait.
    public func available(at now: Date) -> Int {
        Int(max(0, refilled(to: Self.microseconds(now))) / Self.periodMicroseconds(limit))
    }

    /// Tokens' worth of requests still waiting in the queue at `now`.
    public func queued(at now: Date) -> Int {
        let debt = -min(0, refilled(to: Self.microseconds(now)))
        let period = Self.periodMicroseconds(limit)
        return Int((debt + period - 1) / period)
    }

    /// Takes `cost` tokens (at least 1) for a request made at `now`, or refuses it.
    public mutating func request(cost: Int = 1, at now: Date) -> Outcome {
        let cost = Int64(max(1, cost))
        guard cost <= Int64(burst) + Int64(backlog) else { return .exceedsCapacity }
        let instant = Self.microseconds(now)
        let period = Self.periodMicroseconds(limit)
        let current = refilled(to: instant)
        credit = current
        updatedAt = max(updatedAt, instant)
        let after = current - cost * period
        if after >= 0 {
            credit = after
            return .admitted
        }
        if after >= -Int64(backlog) * period {
            credit = after
            return .delayed(until: Self.date(updatedAt + microsecondsToRefill(-after)))
        }
        return .backlogFull(retryAfter: Self.date(updatedAt + microsecondsToRefill(-Int64(backlog) * period - after)))
    }

    /// The credit at `instant`: refilled at `limit.count` per microsecond, capped at the burst.
    /// An instant before the last update refills nothing (a clock never runs backwards here).
    private func refilled(to instant: Int64) -> Int64 {
        let ceiling = Int64(burst) * Self.periodMicroseconds(limit)
        guard credit < ceiling else { return credit }
        let elapsed = max(0, instant - updatedAt)
        let (gain, overflow) = elapsed.multipliedReportingOverflow(by: Int64(limit.count))
        if overflow || gain >= ceiling - credit { return ceiling }
        return credit + gain
    }

    /// Microseconds until the refill has produced `amount` credit, rounded up.
    private func microsecondsToRefill(_ amount: Int64) -> Int64 {
        let rate = Int64(max(1, limit.count))
        return (amount + rate - 1) / rate
    }

    private static func periodMicroseconds(_ limit: ThrottleLimit) -> Int64 {
        Int64(limit.period.rawValue) * 1_000_000
    }

    private static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    private static func date(_ microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(microseconds) / 1_000_000)
    }
}
