import Foundation

/// The one source of time for every engine.
///
/// Every TTL, lock, throttle window, timeout and timestamp reads a `LabClock`, so tests and labs
/// can move time forward instead of waiting (DESIGN.md, principle 3).
public protocol LabClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// Wall-clock time, the default outside tests.
public struct SystemClock: LabClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to, for tests, labs and demos that fast-forward.
public final class ManualClock: LabClock, @unchecked Sendable {
    // Guarded by `lock`; the clock is shared between actors, so access must be serialised.
    private var current: Date
    private let lock = NSLock()

    /// Starts at `start`; the default is a fixed instant so test output is reproducible.
    public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    /// Moves time forward by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(max(0, interval)) }
    }
}
