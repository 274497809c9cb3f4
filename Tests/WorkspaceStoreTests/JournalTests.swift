import Foundation
import Testing
import WorkspaceStore

@Suite struct JournalTests {
    private func draft(_ number: Int, time: Date = Date(timeIntervalSinceReferenceDate: 800_000_000)) -> JournalDraft {
        JournalDraft(time: time, kind: "TwinPatched", scope: "hub-1", subject: "device-\(number)", payload: Data(#"{"n":\#(number)}"#.utf8))
    }

    @Test func emptyJournalHasLastSequenceZero() throws {
        let workspace = try Workspace.inMemory()
        #expect(try workspace.lastJournalSequence() == 0)
        #expect(try workspace.journal(after: 0, limit: 10).isEmpty)
    }

    @Test func appendNumbersFromOneUpAndReturnsTheStoredEvent() throws {
        let workspace = try Workspace.inMemory()
        let first = try workspace.write { try $0.append(draft(1)) }
        let second = try workspace.write { try $0.append(draft(2)) }
        #expect(first == JournalRecord(sequence: 1, time: draft(1).time, kind: "TwinPatched", scope: "hub-1", subject: "device-1", payload: draft(1).payload))
        #expect(second.sequence == 2)
        #expect(try workspace.journal(after: 0, limit: 10) == [first, second])
        #expect(try workspace.lastJournalSequence() == 2)
    }

    @Test func timestampsReadBackEqualBelowTheMillisecond() throws {
        let workspace = try Workspace.inMemory()
        let times = [
            Date(timeIntervalSince1970: 1_767_225_600.123_456),
            Date(timeIntervalSinceReferenceDate: -12_345.000_001),
            Date(),
        ]
        try workspace.write { writer in
            for (number, time) in times.enumerated() { try writer.append(draft(number, time: time)) }
        }
        #expect(try workspace.journal(after: 0, limit: 10).map(\.time) == times)
    }

    @Test func journalAfterPagesInAscendingOrder() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in for number in 1...5 { try writer.append(draft(number)) } }
        var pages: [[Int64]] = []
        var cursor: Int64 = 0
        while true {
            let page = try workspace.journal(after: cursor, limit: 2)
            guard let last = page.last else { break }
            pages.append(page.map(\.sequence))
            cursor = last.sequence
        }
        #expect(pages == [[1, 2], [3, 4], [5]])
        #expect(try workspace.journal(after: 3, limit: 100).map(\.subject) == ["device-4", "device-5"])
    }

    @Test func nonPositiveLimitReadsNothing() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { try $0.append(draft(1)) }
        #expect(try workspace.journal(after: 0, limit: 0).isEmpty)
        #expect(try workspace.journal(after: 0, limit: -1).isEmpty)
    }

    @Test func sequenceNumbersAreNotReusedAfterErase() throws {
        let workspace = try Workspace.inMemory()
        try workspace.write { writer in for number in 1...3 { try writer.append(draft(number)) } }
        try workspace.erase()
        #expect(try workspace.lastJournalSequence() == 0)
        #expect(try workspace.write { try $0.append(draft(4)) }.sequence == 4)
    }
}
