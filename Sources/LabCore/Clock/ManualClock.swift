import Foundation

/// A clock that moves only when told to, for tests that must not sleep.
///
/// Sleepers wake when `advance(by:)` carries time past their deadline, in deadline order.
/// `waitForSleepers(_:)` lets a test know that the code under test has reached its wait
/// before the test moves time, so no test depends on scheduling luck.
public final class ManualClock: AdvancingClock, @unchecked Sendable {
    // Guarded by `lock`; the clock is shared between actors, so access must be serialised.
    private var current: Date
    private let lock = NSLock()
    private let sleepers = ClockSleepers()

    /// Starts at `start`; the default is a fixed instant so test output is reproducible.
    public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    /// Moves time forward by `interval` seconds (never back) and wakes the sleepers now due.
    public func advance(by interval: TimeInterval) {
        let now = lock.withLock {
            current = current.addingTimeInterval(max(0, interval))
            return current
        }
        sleepers.wake(dueBy: now)
    }

    public func sleep(until deadline: Date) async throws {
        try await sleepers.wait(until: deadline) { [self] in now() >= deadline }
    }

    /// How many tasks are suspended in `sleep(until:)`.
    public var sleeperCount: Int { sleepers.count }

    /// Returns once at least `count` tasks are suspended in `sleep(until:)`.
    public func waitForSleepers(_ count: Int) async {
        while sleepers.count < count { await Task.yield() }
    }
}
