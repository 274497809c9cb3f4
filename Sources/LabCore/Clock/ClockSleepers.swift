import Foundation

/// Tasks suspended until a clock reaches their deadline, shared by the clocks that can be moved.
final class ClockSleepers: @unchecked Sendable {
    private struct Sleeper {
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    // Guarded by `lock`.
    private var sleepers: [UInt64: Sleeper] = [:]
    private var nextId: UInt64 = 0
    private let lock = NSLock()

    var count: Int { lock.withLock { sleepers.count } }

    /// Suspends until `wake(dueBy:)` passes `deadline` or the task is cancelled; `isDue` is
    /// checked under the lock after registering, so a wake that raced the call is not lost.
    func wait(until deadline: Date, isDue: @escaping @Sendable () -> Bool) async throws {
        let id = lock.withLock {
            nextId += 1
            return nextId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Result<Void, any Error>? = lock.withLock {
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if isDue() { return .success(()) }
                    sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
        } onCancel: {
            let sleeper = lock.withLock { sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Resumes, earliest deadline first, every sleeper whose deadline is at or before `now`.
    func wake(dueBy now: Date) {
        let due = lock.withLock {
            let due = sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { sleepers.removeValue(forKey: id) }
            return due.values.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Resumes every sleeper so each can look at the clock again (the time went back to real
    /// time's pace, or an offset changed in a way the sleeper must re-check).
    func wakeAll() {
        let all = lock.withLock {
            let all = Array(sleepers.values)
            sleepers.removeAll()
            return all
        }
        for sleeper in all { sleeper.continuation.resume() }
    }
}
