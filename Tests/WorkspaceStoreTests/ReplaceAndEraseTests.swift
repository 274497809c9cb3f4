import Foundation
import Testing
import WorkspaceStore

@Suite struct ReplaceAndEraseTests {
    private let time = Date(timeIntervalSinceReferenceDate: 810_000_000.25)

    private func record(_ scope: String, _ key: String, _ text: String = "{}") -> StoredRecord {
        StoredRecord(scope: scope, collection: "devices", key: key, body: Data(text.utf8))
    }

    private func event(_ sequence: Int64) -> JournalRecord {
        JournalRecord(sequence: sequence, time: time, kind: "DeviceCreated", scope: "hub", subject: "d\(sequence)", payload: Data("{}".utf8))
    }

    private func seeded() throws -> Workspace {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in
            try writer.put(scope: "old", collection: "devices", key: "x", body: Data("{}".utf8))
            for _ in 1...3 {
                try writer.append(JournalDraft(time: time, kind: "Old", scope: "old", subject: "x", payload: Data()))
            }
        }
        return workspace
    }

    @Test func replaceAllSwapsRecordsAndKeepsImportedSequences() throws {
        let workspace = try seeded()
        let records = [record("hub", "b"), record("hub", "a")]
        try workspace.replaceAll(records: records, journal: [event(10), event(12)])
        #expect(try workspace.allRecords() == [record("hub", "a"), record("hub", "b")])
        #expect(try workspace.journal(after: 0, limit: 10) == [event(10), event(12)])
        #expect(try workspace.lastJournalSequence() == 12)
        let next = try workspace.write { try $0.append(JournalDraft(time: time, kind: "K", scope: "hub", subject: "s", payload: Data())) }
        #expect(next.sequence == 13)
    }

    @Test func replaceAllWithADuplicateRecordChangesNothing() throws {
        let workspace = try seeded()
        let before = try workspace.allRecords()
        #expect(throws: WorkspaceStoreError.duplicateRecord(scope: "hub", collection: "devices", key: "a")) {
            try workspace.replaceAll(records: [record("hub", "a"), record("hub", "a", "2")], journal: [])
        }
        #expect(try workspace.allRecords() == before)
        #expect(try workspace.lastJournalSequence() == 3)
    }

    @Test func replaceAllWithAJournalOutOfOrderChangesNothing() throws {
        let workspace = try seeded()
        #expect(throws: WorkspaceStoreError.journalOutOfOrder(sequence: 5, previous: 5)) {
            try workspace.replaceAll(records: [record("hub", "a")], journal: [event(4), event(5), event(5)])
        }
        #expect(throws: WorkspaceStoreError.journalOutOfOrder(sequence: 0, previous: 0)) {
            try workspace.replaceAll(records: [], journal: [event(0)])
        }
        #expect(try workspace.allRecords().map(\.scope) == ["old"])
        #expect(try workspace.journal(after: 0, limit: 10).map(\.kind) == ["Old", "Old", "Old"])
    }

    @Test func eraseRemovesEveryRecordAndEvent() throws {
        let workspace = try seeded()
        try workspace.erase()
        #expect(try workspace.allRecords().isEmpty)
        #expect(try workspace.read { try $0.scopes() }.isEmpty)
        #expect(try workspace.journal(after: 0, limit: 10).isEmpty)
        #expect(try workspace.lastJournalSequence() == 0)
    }

    @Test func errorsNameTheRuleBroken() {
        #expect(WorkspaceStoreError.journalOutOfOrder(sequence: 3, previous: 7).description
            == "journal sequence 3 follows 7: sequence numbers must be positive and strictly increasing")
        #expect(WorkspaceStoreError.duplicateRecord(scope: "hub", collection: "devices", key: "d1").description
            == "record hub/devices/d1 appears twice: each scope, collection and key must be unique")
    }
}
