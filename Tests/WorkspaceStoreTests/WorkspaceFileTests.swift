import Foundation
import GRDB
import Testing
import WorkspaceStore

@Suite struct WorkspaceFileTests {
    private let scratch = TemporaryFolder()

    private func freshHome() throws -> WorkspaceHome {
        let home = scratch.home
        try home.createIfNeeded()
        return home
    }

    @Test func recordsAndJournalSurviveReopen() throws {
        let home = try freshHome()
        let time = Date(timeIntervalSince1970: 1_767_225_600.5)
        let event = JournalDraft(time: time, kind: "DeviceCreated", scope: "hub-1", subject: "d1", payload: Data("{}".utf8))
        do {
            let workspace = try Workspace(fileURL: home.databaseURL)
            try workspace.write { writer in
                try writer.put(scope: "hub-1", collection: "devices", key: "d1", body: Data(#"{"deviceId":"d1"}"#.utf8))
                try writer.append(event)
            }
        }
        let reopened = try Workspace(fileURL: home.databaseURL)
        #expect(reopened.fileURL == home.databaseURL)
        #expect(try reopened.allRecords() == [StoredRecord(scope: "hub-1", collection: "devices", key: "d1", body: Data(#"{"deviceId":"d1"}"#.utf8))])
        #expect(try reopened.journal(after: 0, limit: 10) == [JournalRecord(sequence: 1, time: time, kind: "DeviceCreated", scope: "hub-1", subject: "d1", payload: Data("{}".utf8))])
        #expect(try reopened.write { try $0.append(event) }.sequence == 2)
    }

    @Test func aReturnedWriteIsCommittedForEveryOtherConnection() throws {
        let home = try freshHome()
        let writer = try Workspace(fileURL: home.databaseURL)
        let observer = try Workspace(fileURL: home.databaseURL)
        try writer.write { try $0.put(scope: "h", collection: "c", key: "k", body: Data("1".utf8)) }
        #expect(try observer.read { try $0.record(scope: "h", collection: "c", key: "k") } == Data("1".utf8))
    }

    @Test func concurrentWritersEachGetTheirOwnSequenceNumber() async throws {
        let home = try freshHome()
        let workspace = try Workspace(fileURL: home.databaseURL)
        let sequences = try await withThrowingTaskGroup(of: Int64.self) { group in
            for number in 0..<20 {
                group.addTask {
                    try workspace.write { writer in
                        try writer.put(scope: "h", collection: "c", key: "k\(number)", body: Data())
                        return try writer.append(JournalDraft(time: Date(), kind: "K", scope: "h", subject: "k\(number)", payload: Data())).sequence
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sequences.sorted() == Array(1...20))
        #expect(try workspace.allRecords().count == 20)
    }

    @Test func migrationsAreListedAndNotReappliedOnReopen() throws {
        let home = try freshHome()
        #expect(try Workspace(fileURL: home.databaseURL).appliedMigrations() == ["v1-records-and-journal", "v2-event-streams", "v3-stream-event-chunks", "v4-journal-event-chunks"])
        #expect(try Workspace(fileURL: home.databaseURL).appliedMigrations() == ["v1-records-and-journal", "v2-event-streams", "v3-stream-event-chunks", "v4-journal-event-chunks"])
        #expect(try Workspace.inMemory().appliedMigrations() == ["v1-records-and-journal", "v2-event-streams", "v3-stream-event-chunks", "v4-journal-event-chunks"])
        #expect(try Workspace.inMemory().fileURL == nil)
    }

    @Test func fileWorkspaceIsInWALMode() throws {
        let home = try freshHome()
        let workspace = try Workspace(fileURL: home.databaseURL)
        try workspace.write { try $0.put(scope: "h", collection: "c", key: "k", body: Data("1".utf8)) }
        // The database header's file-format bytes (offsets 18 and 19) are 2 in WAL mode, 1 otherwise.
        let header = try FileHandle(forReadingFrom: home.databaseURL).read(upToCount: 20) ?? Data()
        #expect(Array(header.suffix(2)) == [2, 2])
        #expect(FileManager.default.fileExists(atPath: home.databaseURL.path + "-wal"))
    }

    @Test func aWorkspaceFromANewerIotlabIsRefused() throws {
        let home = try freshHome()
        _ = try Workspace(fileURL: home.databaseURL)
        try DatabaseQueue(path: home.databaseURL.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        #expect(throws: WorkspaceStoreError.createdByNewerVersion(path: home.databaseURL.path, unknownMigrations: ["v9-from-the-future"])) {
            try Workspace(fileURL: home.databaseURL)
        }
    }

    @Test func aMissingFolderIsAnError() throws {
        let missing = scratch.url.appendingPathComponent("missing/workspace.sqlite")
        #expect(throws: DatabaseError.self) { try Workspace(fileURL: missing) }
    }
}
