import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM so a long-running command can shut down cleanly.
enum Termination {
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let waiter = Waiter(continuation)
            let queue = DispatchQueue(label: "iotlab.signals")
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { waiter.resume() }
                waiter.retain(source)
                source.resume()
            }
        }
    }

    /// Resumes the continuation once, whichever signal comes first, and keeps the signal sources
    /// alive until then.
    private final class Waiter: @unchecked Sendable {
        // Guarded by `lock`: signal handlers run on a dispatch queue.
        private var continuation: CheckedContinuation<Void, Never>?
        private var sources: [any DispatchSourceSignal] = []
        private let lock = NSLock()

        init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

        func retain(_ source: any DispatchSourceSignal) {
            lock.withLock { sources.append(source) }
        }

        func resume() {
            lock.withLock {
                continuation?.resume()
                continuation = nil
                sources.forEach { $0.cancel() }
                sources.removeAll()
            }
        }
    }
}
