import Foundation

/// Real time plus an offset that only grows: the clock of a workspace, which
/// `iotlab clock advance 10m` moves forward so a lab can fast-forward C2D TTLs, throttle
/// windows and storage batch intervals without waiting for them.
///
/// The offset is the caller's to persist; a sleeper wakes on whichever comes first, real time
/// reaching its deadline or an advance carrying the clock past it.
public final class OffsetClock: AdvancingClock, @unchecked Sendable {
    // Guarded by `lock`.
    private var offsetSeconds: TimeInterval
    private let lock = NSLock()
    private let sleepers = ClockSleepers()

    /// Starts `offset` seconds ahead of real time.
    public init(offset: TimeInterval = 0) {
        offsetSeconds = max(0, offset)
    }

    /// How far ahead of real time the clock runs, in seconds.
    public var offset: TimeInterval { lock.withLock { offsetSeconds } }

    public func now() -> Date {
        Date().addingTimeInterval(offset)
    }

    /// Moves the clock forward by `interval` seconds (never back) and wakes the sleepers due.
    public func advance(by interval: TimeInterval) {
        lock.withLock { offsetSeconds += max(0, interval) }
        sleepers.wake(dueBy: now())
    }

    /// Returns once at least `count` tasks wait in `sleep(until:)` for an advance to reach their
    /// deadline, so a test can move the clock knowing the code under test is already waiting.
    public func waitForSleepers(_ count: Int) async {
        while sleepers.count < count { await Task.yield() }
    }

    public func sleep(until deadline: Date) async throws {
        while true {
            let remaining = deadline.timeIntervalSince(now())
            if remaining <= 0 { return }
            // Whichever ends first: real time running out, or an advance reaching the deadline.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await Task.sleep(for: .seconds(remaining)) }
                group.addTask { [self] in try await sleepers.wait(until: deadline) { [self] in now() >= deadline } }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
