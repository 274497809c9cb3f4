import Foundation

/// The one source of time for every engine.
///
/// Every TTL, lock, throttle window, timeout and timestamp reads a `LabClock`, and every wait
/// sleeps on one, so tests and labs can move time forward instead of waiting (DESIGN.md,
/// principle 3): a direct method's response timeout fires when a test advances a `ManualClock`
/// by 30 seconds, not after 30 real seconds.
public protocol LabClock: Sendable {
    /// The current instant.
    func now() -> Date
    /// Suspends until `now()` reaches `deadline`; returns at once if it already has.
    /// Throws `CancellationError` when the waiting task is cancelled.
    func sleep(until deadline: Date) async throws
}

extension LabClock {
    /// Suspends for `seconds` of this clock's time.
    public func sleep(for seconds: TimeInterval) async throws {
        try await sleep(until: now().addingTimeInterval(seconds))
    }
}

/// Wall-clock time, the default outside tests.
public struct SystemClock: LabClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return }
        try await Task.sleep(for: .seconds(remaining))
    }
}

/// A clock that can be moved forward: the manual clock of tests, the offset clock of a workspace.
public protocol AdvancingClock: LabClock {
    /// Moves time forward by `interval` seconds (never back), waking sleepers now due.
    func advance(by interval: TimeInterval)
}
