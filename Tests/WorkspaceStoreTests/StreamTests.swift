import Foundation
import Testing
import WorkspaceStore

/// Partitioned event streams: what the built-in endpoint and Event Hubs-style endpoints keep.
@Suite struct StreamTests {
    let folder = TemporaryFolder()
    let partition = StreamPartition(scope: "hub:h", stream: "events", partition: 1)
    let start = Date(timeIntervalSinceReferenceDate: 1_000)

    private func drafts(_ count: Int, from offset: Int = 0) -> [StreamEventDraft] {
        (0..<count).map { index in
            StreamEventDraft(enqueuedAt: start.addingTimeInterval(Double(offset + index)), payload: Data("m\(offset + index)".utf8))
        }
    }

    @Test func sequencesStartAtZeroPerPartitionAndPageInOrder() throws {
        let workspace = try Workspace.inMemory()
        let other = StreamPartition(scope: "hub:h", stream: "events", partition: 0)
        let ranges = try workspace.write { writer in
            [
                try writer.appendStreamEvents(drafts(3), to: partition),
                try writer.appendStreamEvents(drafts(2, from: 3), to: partition),
                try writer.appendStreamEvents(drafts(1), to: other),
                try writer.appendStreamEvents([], to: other),
            ]
        }
        #expect(ranges == [0...2, 3...4, 0...0, nil])
        let page = try workspace.read { try $0.streamEvents(in: partition, fromSequence: 1, limit: 3) }
        #expect(page.map(\.sequence) == [1, 2, 3])
        #expect(page.map { String(decoding: $0.payload, as: UTF8.self) } == ["m1", "m2", "m3"])
        #expect(page.first?.enqueuedAt == start.addingTimeInterval(1))
    }

    @Test func readersStartWhereTheyAsk() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.appendStreamEvents(drafts(5), to: partition) }
        let starts: [StreamStart] = [
            .earliest, .latest, .enqueuedTime(start.addingTimeInterval(2.5)), .enqueuedTime(start.addingTimeInterval(99)), .sequence(4),
        ]
        let sequences = try workspace.read { reader in try starts.map { try reader.streamSequence(in: partition, at: $0) } }
        #expect(sequences == [0, 5, 3, 5, 4])
    }

    @Test func retentionKeepsSequenceNumbersGoing() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.appendStreamEvents(drafts(4), to: partition) }
        let purged = try workspace.write { try $0.purgeStreamEvents(scope: "hub:h", stream: "events", enqueuedBefore: start.addingTimeInterval(4)) }
        #expect(purged == 4)
        #expect(try workspace.read { try $0.streamSequence(in: partition, at: .earliest) } == 4)
        #expect(try workspace.read { try $0.streamEvents(in: partition, fromSequence: 0, limit: 10) }.isEmpty)
        #expect(try workspace.write { try $0.appendStreamEvents(drafts(1), to: partition) } == 4...4)
    }

    @Test func consumerGroupsKeepTheirOwnCursors() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in
            try writer.setStreamCursor(in: partition, consumerGroup: "$Default", sequence: 7)
            try writer.setStreamCursor(in: partition, consumerGroup: "monitor", sequence: 2)
            try writer.setStreamCursor(in: partition, consumerGroup: "monitor", sequence: 3)
        }
        let cursors = try workspace.read { reader in
            try ["$Default", "monitor", "nobody"].map { try reader.streamCursor(in: partition, consumerGroup: $0) }
        }
        #expect(cursors == [7, 3, nil])
        try workspace.write { try $0.deleteStreamCursors(scope: "hub:h", stream: "events", consumerGroup: "monitor") }
        #expect(try workspace.read { try $0.streamCursor(in: partition, consumerGroup: "monitor") } == nil)
    }

    @Test func streamsSurviveReopenAndGoWithTheirScope() throws {
        try folder.home.createIfNeeded()
        let url = folder.home.databaseURL
        try Workspace(fileURL: url).write { writer in
            try writer.appendStreamEvents(drafts(2), to: partition)
            try writer.appendStreamEvents(drafts(1), to: StreamPartition(scope: "hub:kept", stream: "events", partition: 0))
        }
        let reopened = try Workspace(fileURL: url)
        #expect(try reopened.read { try $0.streamEvents(in: partition, fromSequence: 0, limit: 10) }.count == 2)
        try reopened.write { try $0.deleteScope("hub:h") }
        let kept = StreamPartition(scope: "hub:kept", stream: "events", partition: 0)
        #expect(try reopened.read { try $0.streamEvents(in: partition, fromSequence: 0, limit: 10) }.isEmpty)
        #expect(try reopened.read { try $0.streamSequence(in: partition, at: .latest) } == 0)
        #expect(try reopened.read { try $0.streamEvents(in: kept, fromSequence: 0, limit: 10) }.count == 1)
    }

    @Test func aFailedWriteAppendsNothing() throws {
        struct Refused: Error {}
        let workspace = try Workspace.inMemory()
        #expect(throws: Refused.self) {
            try workspace.write { writer in
                try writer.appendStreamEvents(drafts(3), to: partition)
                throw Refused()
            }
        }
        #expect(try workspace.read { try $0.streamSequence(in: partition, at: .latest) } == 0)
    }
}
