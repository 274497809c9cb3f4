import Foundation

/// What the hub does with one throttled operation.
public enum ThrottleDecision: Sendable, Equatable {
    /// Within the limit or its burst: process now.
    case admit
    /// Traffic shaping: queued, to be processed at `until`; the caller answers the request then,
    /// so the learner sees latency grow before any error.
    case delay(until: Date)
    /// Refused with a 429 `QuotaError`; nothing was taken from the allowance.
    case reject(QuotaError)
}
