import Foundation
import LabCore
import Testing

@Suite struct ClockTests {
    @Test func manualClockWakesASleeperOnlyWhenTimeReachesItsDeadline() async throws {
        let clock = ManualClock()
        let start = clock.now()
        let woke = Task { try await clock.sleep(for: 30); return clock.now() }
        await clock.waitForSleepers(1)
        clock.advance(by: 29)
        #expect(clock.sleeperCount == 1)
        clock.advance(by: 1)
        let time = try await woke.value
        #expect(time == start.addingTimeInterval(30))
        #expect(clock.sleeperCount == 0)
    }

    @Test func aDeadlineAlreadyPassedReturnsAtOnce() async throws {
        let clock = ManualClock()
        try await clock.sleep(until: clock.now().addingTimeInterval(-1))
        try await clock.sleep(for: 0)
        #expect(clock.sleeperCount == 0)
    }

    @Test func cancellingASleeperEndsItsWaitWithCancellationError() async {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(for: 60) }
        await clock.waitForSleepers(1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func manualClockNeverGoesBack() {
        let clock = ManualClock()
        let start = clock.now()
        clock.advance(by: -10)
        #expect(clock.now() == start)
    }

    @Test(.timeLimit(.minutes(1)))
    func offsetClockRunsAheadOfRealTimeAndAnAdvanceWakesItsSleepers() async throws {
        let clock = OffsetClock(offset: 3600)
        #expect(clock.now().timeIntervalSinceNow > 3599)
        let started = Date()
        let sleeper = Task { try await clock.sleep(for: 600) }
        await clock.waitForSleepers(1)
        // A ten-minute wait ends as soon as the clock is moved ten minutes on, not in ten minutes.
        clock.advance(by: 600)
        try await sleeper.value
        #expect(clock.offset == 4200)
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
