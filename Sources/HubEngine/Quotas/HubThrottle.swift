import Foundation

/// Every operation throttle of one hub, each its own token bucket with traffic shaping.
///
/// A value type the hub actor owns, so its state changes only under the hub's isolation and
/// tests drive it with plain dates. Buckets start full the first time an operation is seen,
/// which is when a fresh hub would have its whole burst available.
public struct HubThrottle: Sendable {
    public let policy: ThrottlePolicy
    private var buckets: [HubOperation: TokenBucket] = [:]

    public init(policy: ThrottlePolicy) {
        self.policy = policy
    }

    /// Decides one `operation` made at `now` costing `cost` (1 for counted operations; the
    /// `throttleCost(payloadBytes:)` of a direct method): admit, delay until the queue reaches
    /// it, or reject with `429002 ThrottleBacklogLimitExceeded` (queue full) or
    /// `429001 ThrottlingException` (larger than the throttle can ever take).
    public mutating func request(_ operation: HubOperation, cost: Int = 1, at now: Date) -> ThrottleDecision {
        let limit = policy.limit(for: operation)
        var bucket = buckets[operation] ?? TokenBucket(limit: limit, shaping: policy.shaping, at: now)
        let outcome = bucket.request(cost: cost, at: now)
        buckets[operation] = bucket
        switch outcome {
        case .admitted:
            return .admit
        case .delayed(let until):
            return .delay(until: until)
        case .backlogFull(let retryAfter):
            let seconds = max(1, Int(retryAfter.timeIntervalSince(now).rounded(.up)))
            return .reject(
                .throttleBacklogLimitExceeded(
                    operation: operation, limit: limit, backlog: bucket.backlog, retryAfterSeconds: seconds))
        case .exceedsCapacity:
            return .reject(
                .throttlingException(
                    operation: operation, limit: limit, cost: cost, capacity: bucket.burst + bucket.backlog))
        }
    }

    /// Requests' worth (or blocks, for direct methods) waiting in `operation`'s queue at `now`.
    public func queued(_ operation: HubOperation, at now: Date) -> Int {
        buckets[operation]?.queued(at: now) ?? 0
    }
}
