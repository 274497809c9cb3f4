import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-level exclusive ownership of a workspace: an `flock` on its lock file.
///
/// The holder (a running `iotlab serve` or TUI, or a one-shot CLI while it runs) is the only
/// writer; other processes forward their commands to it over the control socket. The kernel
/// drops the lock when the holder exits, even on a crash, so a stale lock cannot block a learner.
/// `flock` locks belong to an open file description, so two acquisitions conflict even inside
/// one process.
public final class WorkspaceLock: Sendable {
    /// The open lock file; -1 once released. Guarded by `guardian`, since `release()` and
    /// `deinit` may race across threads.
    private nonisolated(unsafe) var descriptor: Int32
    private let guardian = NSLock()

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// Takes the lock if nobody holds it; nil when another process (or another lock value in
    /// this process) does. Creates the home folder if needed.
    public static func tryAcquire(_ home: WorkspaceHome) throws -> WorkspaceLock? {
        try lock(home, blocking: false)
    }

    /// Takes the lock, waiting until the current holder releases it. This blocks the calling
    /// thread, so call it before starting work on Swift's cooperative pool, or off it.
    public static func acquire(_ home: WorkspaceHome) throws -> WorkspaceLock {
        guard let lock = try lock(home, blocking: true) else {
            throw WorkspaceStoreError.lockFailed(path: home.lockURL.path, errno: EWOULDBLOCK)
        }
        return lock
    }

    /// Gives the lock up; later calls do nothing. The lock file stays, so that a process
    /// waiting on it and one arriving later lock the same file.
    public func release() {
        guardian.withLock {
            guard descriptor >= 0 else { return }
            _ = flock(descriptor, LOCK_UN)
            _ = close(descriptor)
            descriptor = -1
        }
    }

    private static func lock(_ home: WorkspaceHome, blocking: Bool) throws -> WorkspaceLock? {
        try home.createIfNeeded()
        let path = home.lockURL.path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WorkspaceStoreError.lockFailed(path: path, errno: errno) }
        let operation = blocking ? LOCK_EX : LOCK_EX | LOCK_NB
        var result = flock(descriptor, operation)
        while result != 0 && errno == EINTR {
            result = flock(descriptor, operation)
        }
        guard result == 0 else {
            let failure = errno
            _ = close(descriptor)
            if failure == EWOULDBLOCK { return nil }
            throw WorkspaceStoreError.lockFailed(path: path, errno: failure)
        }
        return WorkspaceLock(descriptor: descriptor)
    }
}
