import Foundation
import Testing
import WorkspaceStore

/// Events appended together with one time, kind and scope (a telemetry batch's
/// `MessageRouted` events) are stored together, yet readers see each with its own number.
@Suite struct JournalBatchTests {
    let time = Date(timeIntervalSinceReferenceDate: 800_000_000)

    private func routed(_ number: Int, kind: String = "MessageRouted", scope: String = "hub:h") -> JournalDraft {
        JournalDraft(time: time, kind: kind, scope: scope, subject: "device-\(number)", payload: Data(#"{"n":\#(number)}"#.utf8))
    }

    @Test func aBatchIsNumberedEventByEventAndReadsBackEqual() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.append(routed(0, kind: "DeviceCreated")) }
        let drafts = (1...600).map { routed($0) }
        let numbers = try workspace.write { try $0.append(contentsOf: drafts) }
        #expect(numbers == 2...601)
        let all = try workspace.journal(after: 1, limit: 1_000)
        #expect(all == drafts.enumerated().map { JournalRecord(sequence: Int64($0.offset + 2), time: time, kind: $0.element.kind,
            scope: $0.element.scope, subject: $0.element.subject, payload: $0.element.payload) })
        #expect(try workspace.lastJournalSequence() == 601)
        #expect(try workspace.write { try $0.append(routed(0, kind: "DeviceDeleted")) }.sequence == 602)
    }

    @Test func aPackedBatchIsStoredAsTheSameEventsAppendedAsDrafts() throws {
        let workspace = try Workspace.inMemory()
        let drafts = (1...257).map { routed($0) }
        var batch = JournalEventBatch(time: time, kind: "MessageRouted", scope: "hub:h")
        for draft in drafts { batch.append(subject: draft.subject, payload: Array(draft.payload)) }
        #expect(try workspace.write { try $0.append(batch) } == 1...257)
        #expect(try workspace.journal(after: 0, limit: 1_000) == drafts.enumerated().map { JournalRecord(sequence: Int64($0.offset + 1),
            time: time, kind: $0.element.kind, scope: $0.element.scope, subject: $0.element.subject, payload: $0.element.payload) })
        var single = JournalEventBatch(time: time, kind: "MessageRouted", scope: "hub:h")
        single.append(subject: "dévice-é", payload: Array(#"{"n":0}"#.utf8))
        #expect(try workspace.write { try $0.append(single) } == 258...258)
        #expect(try workspace.journal(after: 257, limit: 1).first?.subject == "dévice-é")
        #expect(try workspace.write { try $0.append(JournalEventBatch(time: time, kind: "MessageRouted", scope: "hub:h")) } == nil)
    }

    @Test func readersPageFromInsideABatch() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.append(contentsOf: (1...10).map { routed($0) }) }
        let page = try workspace.journal(after: 4, limit: 3)
        #expect(page.map(\.sequence) == [5, 6, 7])
        #expect(page.map(\.subject) == ["device-5", "device-6", "device-7"])
        #expect(try workspace.journal(after: 10, limit: 3).isEmpty)
    }

    @Test func eventsOfAnotherKindOrScopeKeepTheirOrder() throws {
        let workspace = try Workspace.inMemory()
        let drafts = [routed(1), routed(2), routed(3, kind: "TwinPatched"), routed(4), routed(5, scope: "hub:other"), routed(6)]
        #expect(try workspace.write { try $0.append(contentsOf: drafts) } == 1...6)
        #expect(try workspace.journal(after: 0, limit: 10).map(\.subject) == (1...6).map { "device-\($0)" })
        #expect(try workspace.journal(after: 0, limit: 10).map(\.kind) == drafts.map(\.kind))
    }

    @Test func numbersAreNotReusedAfterEraseOrImport() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.append(contentsOf: (1...5).map { routed($0) }) }
        try workspace.erase()
        #expect(try workspace.write { try $0.append(contentsOf: (1...3).map { routed($0) }) } == 6...8)
        try workspace.replaceAll(records: [], journal: [JournalRecord(sequence: 40, time: time, kind: "K", scope: "s", subject: "x", payload: Data())])
        #expect(try workspace.write { try $0.append(contentsOf: (1...2).map { routed($0) }) } == 41...42)
    }
}
