import Foundation
import GRDB
import Testing
import WorkspaceStore

/// Events appended together at one instant (an ingest batch's copies for a partition) are
/// stored together, yet every reader, retention and cursor still sees single events.
@Suite struct StreamBatchTests {
    let folder = TemporaryFolder()
    let partition = StreamPartition(scope: "hub:h", stream: "events", partition: 0)
    let time = Date(timeIntervalSinceReferenceDate: 5_000)

    private func batch(_ count: Int, at time: Date, from offset: Int = 0) -> [StreamEventDraft] {
        (0..<count).map { StreamEventDraft(enqueuedAt: time, payload: Data("e\(offset + $0)".utf8)) }
    }

    private func texts(_ events: [StreamEvent]) -> [String] {
        events.map { String(decoding: $0.payload, as: UTF8.self) }
    }

    @Test func aBatchReadsBackEventByEventFromAnySequence() throws {
        let workspace = try Workspace.inMemory()
        let range = try workspace.write { try $0.appendStreamEvents(batch(600, at: time), to: partition) }
        #expect(range == 0...599)
        let middle = try workspace.read { try $0.streamEvents(in: partition, fromSequence: 300, limit: 3) }
        #expect(middle.map(\.sequence) == [300, 301, 302])
        #expect(texts(middle) == ["e300", "e301", "e302"])
        #expect(middle.allSatisfy { $0.enqueuedAt == time })
        let across = try workspace.read { try $0.streamEvents(in: partition, fromSequence: 250, limit: 20) }
        #expect(across.map(\.sequence) == Array(250..<270))
        let all = try workspace.read { try $0.streamEvents(in: partition, fromSequence: 0, limit: 1_000) }
        #expect(texts(all) == (0..<600).map { "e\($0)" })
        #expect(try workspace.read { try $0.streamEvents(in: partition, fromSequence: 600, limit: 5) }.isEmpty)
    }

    @Test func packedBatchesReadBackAsTheEventsAppendedOneByOne() throws {
        let workspace = try Workspace.inMemory()
        var first = StreamEventBatch(enqueuedAt: time)
        for number in 0..<300 { first.append(Array("e\(number)".utf8)) }
        var second = StreamEventBatch(enqueuedAt: time.addingTimeInterval(1))
        second.append(Array("e300".utf8))
        let range = try workspace.write { try $0.appendStreamBatches([first, second], to: partition) }
        #expect(range == 0...300)
        let all = try workspace.read { try $0.streamEvents(in: partition, fromSequence: 0, limit: 1_000) }
        #expect(texts(all) == (0...300).map { "e\($0)" })
        #expect(all.map(\.sequence) == Array(0...300))
        #expect(all.last?.enqueuedAt == time.addingTimeInterval(1))
        #expect(try workspace.write { try $0.appendStreamBatches([StreamEventBatch(enqueuedAt: time)], to: partition) } == nil)
        #expect(try workspace.write { try $0.appendStreamEvents(batch(1, at: time, from: 301), to: partition) } == 301...301)
    }

    @Test func readersPositionInsideABatch() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in
            try writer.appendStreamEvents(batch(3, at: time), to: partition)
            try writer.appendStreamEvents(batch(3, at: time.addingTimeInterval(10), from: 3), to: partition)
        }
        let starts: [StreamStart] = [.earliest, .latest, .enqueuedTime(time.addingTimeInterval(5)), .sequence(4)]
        #expect(try workspace.read { reader in try starts.map { try reader.streamSequence(in: partition, at: $0) } } == [0, 6, 3, 4])
        #expect(texts(try workspace.read { try $0.streamEvents(in: partition, fromSequence: 4, limit: 10) }) == ["e4", "e5"])
    }

    @Test func retentionCountsEventsNotBatches() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in
            try writer.appendStreamEvents(batch(300, at: time), to: partition)
            try writer.appendStreamEvents(batch(2, at: time.addingTimeInterval(60), from: 300), to: partition)
        }
        let purged = try workspace.write { try $0.purgeStreamEvents(scope: "hub:h", stream: "events", enqueuedBefore: time.addingTimeInterval(1)) }
        #expect(purged == 300)
        #expect(try workspace.read { try $0.streamSequence(in: partition, at: .earliest) } == 300)
        #expect(texts(try workspace.read { try $0.streamEvents(in: partition, fromSequence: 0, limit: 10) }) == ["e300", "e301"])
    }

    @Test func aWorkspaceWrittenBeforeBatchesKeepsItsEventsJournalAndNumbering() throws {
        try folder.home.createIfNeeded()
        let url = folder.home.databaseURL
        // The stream tables as `v2-event-streams` made them, with two events stored one per row.
        try DatabaseQueue(path: url.path).write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations (identifier) VALUES ('v1-records-and-journal'), ('v2-event-streams');
                CREATE TABLE record (scope TEXT NOT NULL, collection TEXT NOT NULL, "key" TEXT NOT NULL, body BLOB NOT NULL,
                    PRIMARY KEY (scope, collection, "key")) WITHOUT ROWID;
                CREATE TABLE journal (sequence INTEGER PRIMARY KEY AUTOINCREMENT, time REAL NOT NULL, kind TEXT NOT NULL,
                    scope TEXT NOT NULL, subject TEXT NOT NULL, payload BLOB NOT NULL);
                CREATE TABLE stream_event (scope TEXT NOT NULL, stream TEXT NOT NULL, partition INTEGER NOT NULL,
                    sequence INTEGER NOT NULL, enqueued_at REAL NOT NULL, payload BLOB NOT NULL,
                    PRIMARY KEY (scope, stream, partition, sequence)) WITHOUT ROWID;
                CREATE TABLE stream_partition (scope TEXT NOT NULL, stream TEXT NOT NULL, partition INTEGER NOT NULL,
                    next_sequence INTEGER NOT NULL, PRIMARY KEY (scope, stream, partition)) WITHOUT ROWID;
                CREATE TABLE stream_cursor (scope TEXT NOT NULL, stream TEXT NOT NULL, consumer_group TEXT NOT NULL,
                    partition INTEGER NOT NULL, sequence INTEGER NOT NULL,
                    PRIMARY KEY (scope, stream, consumer_group, partition)) WITHOUT ROWID;
                INSERT INTO stream_event VALUES ('hub:h', 'events', 0, 0, 5000, CAST('old0' AS BLOB));
                INSERT INTO stream_event VALUES ('hub:h', 'events', 0, 1, 5000, CAST('old1' AS BLOB));
                INSERT INTO stream_partition VALUES ('hub:h', 'events', 0, 2);
                INSERT INTO journal (time, kind, scope, subject, payload) VALUES (5000, 'DeviceCreated', 'hub:h', 'd1', CAST('{}' AS BLOB));
                """)
        }
        let workspace = try Workspace(fileURL: url)
        #expect(try workspace.write { try $0.appendStreamEvents(batch(3, at: time), to: partition) } == 2...4)
        let events = try workspace.read { try $0.streamEvents(in: partition, fromSequence: 1, limit: 10) }
        #expect(events.map(\.sequence) == [1, 2, 3, 4])
        #expect(texts(events) == ["old1", "e0", "e1", "e2"])
        #expect(try workspace.journal(after: 0, limit: 10).map(\.subject) == ["d1"])
        let routed = (0..<2).map { JournalDraft(time: time, kind: "MessageRouted", scope: "hub:h", subject: "d\($0)", payload: Data()) }
        #expect(try workspace.write { try $0.append(contentsOf: routed) } == 2...3)
        #expect(try workspace.write { try $0.purgeStreamEvents(scope: "hub:h", stream: "events", enqueuedBefore: .distantFuture) } == 5)
    }
}
