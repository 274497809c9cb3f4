import Foundation
import Testing
import WorkspaceStore

@Suite struct WorkspaceLockTests {
    private let scratch = TemporaryFolder()

    @Test func aSecondTryAcquireFailsWhileHeldAndSucceedsAfterRelease() throws {
        let home = scratch.home
        let first = try #require(try WorkspaceLock.tryAcquire(home))
        #expect(try WorkspaceLock.tryAcquire(home) == nil)
        first.release()
        first.release()  // harmless twice
        let second = try #require(try WorkspaceLock.tryAcquire(home))
        second.release()
    }

    @Test func droppingTheLockReleasesIt() throws {
        let home = scratch.home
        var held = try WorkspaceLock.tryAcquire(home)
        #expect(held != nil)
        #expect(try WorkspaceLock.tryAcquire(home) == nil)
        held = nil
        #expect(try WorkspaceLock.tryAcquire(home) != nil)
    }

    @Test func acquireGetsTheLockOnceTheHolderReleases() async throws {
        let home = scratch.home
        let first = try WorkspaceLock.acquire(home)
        let waiter = Task.detached { try WorkspaceLock.acquire(home) }
        first.release()
        let second = try await waiter.value
        #expect(try WorkspaceLock.tryAcquire(home) == nil)
        second.release()
    }

    @Test func aLockFileThatCannotBeOpenedIsANamedError() throws {
        let home = scratch.home
        try home.createIfNeeded()
        try FileManager.default.createDirectory(at: home.lockURL, withIntermediateDirectories: true)
        #expect(throws: WorkspaceStoreError.lockFailed(path: home.lockURL.path, errno: EISDIR)) {
            try WorkspaceLock.tryAcquire(home)
        }
    }
}
