import Foundation
import GRDB
import Testing
@testable import WorkspaceStore

/// The settings that make an acknowledged write survive a crash or power loss, read back from
/// the workspace's own writer connection.
@Suite struct DurabilityTests {
    private let scratch = TemporaryFolder()

    @Test func theWriterSyncsEveryCommitInWALMode() throws {
        let home = scratch.home
        try home.createIfNeeded()
        let workspace = try Workspace(fileURL: home.databaseURL)
        let (synchronous, journalMode) = try workspace.write { writer in
            (try Int.fetchOne(writer.database, sql: "PRAGMA synchronous"),
             try String.fetchOne(writer.database, sql: "PRAGMA journal_mode"))
        }
        #expect(synchronous == 2)  // FULL
        #expect(journalMode == "wal")
    }

    @Test func survivingAProcessCrashOnlySyncsAtCheckpoints() throws {
        let home = scratch.home
        try home.createIfNeeded()
        let workspace = try Workspace(fileURL: home.databaseURL, durability: .survivesProcessCrash)
        let synchronous = try workspace.write { try Int.fetchOne($0.database, sql: "PRAGMA synchronous") }
        #expect(synchronous == 1)  // NORMAL
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let home = scratch.home
        try home.createIfNeeded()
        try Data(String(repeating: "not sqlite ", count: 100).utf8).write(to: home.databaseURL)
        #expect {
            try Workspace(fileURL: home.databaseURL)
        } throws: { error in
            (error as? DatabaseError)?.resultCode == .SQLITE_NOTADB
        }
    }
}
