import Foundation
import Testing
import WorkspaceStore

@Suite struct WorkspaceLockTests {
    @Test func aSecondTryAcquireFailsWhileHeldAndSucceedsAfterRelease() throws {
        let home = WorkspaceHome(folder: TemporaryFolder.make())
        let first = try #require(try WorkspaceLock.tryAcquire(home))
        #expect(try WorkspaceLock.tryAcquire(home) == nil)
        first.release()
        first.release()  // harmless twice
        let second = try #require(try WorkspaceLock.tryAcquire(home))
        second.release()
    }

    @Test func droppingTheLockReleasesIt() throws {
        let home = WorkspaceHome(folder: TemporaryFolder.make())
        var held = try WorkspaceLock.tryAcquire(home)
        #expect(held != nil)
        #expect(try WorkspaceLock.tryAcquire(home) == nil)
        held = nil
        #expect(try WorkspaceLock.tryAcquire(home) != nil)
    }

    @Test func acquireGetsTheLockOnceTheHolderReleases() async throws {
        let home = WorkspaceHome(folder: TemporaryFolder.make())
        let first = try WorkspaceLock.acquire(home)
        let waiter = Task.detached { try WorkspaceLock.acquire(home) }
        first.release()
        let second = try await waiter.value
        #expect(try WorkspaceLock.tryAcquire(home) == nil)
        second.release()
    }

    @Test func aLockFileThatCannotBeOpenedIsANamedError() throws {
        let folder = TemporaryFolder.make()
        let home = WorkspaceHome(folder: folder)
        try home.createIfNeeded()
        try FileManager.default.createDirectory(at: home.lockURL, withIntermediateDirectories: true)
        #expect(throws: WorkspaceStoreError.lockFailed(path: home.lockURL.path, errno: EISDIR)) {
            try WorkspaceLock.tryAcquire(home)
        }
    }
}
