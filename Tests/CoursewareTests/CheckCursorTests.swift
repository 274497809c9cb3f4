import Foundation
import Testing

@testable import Courseware

/// A workbench re-grades a step on every relevant event: with cursors each re-grade reads only
/// what was appended since the last one, gives the results a grading from scratch gives, and a
/// step reset starts the step's checks over.
@Suite struct CheckCursorTests {
    static let key = CheckCursors.Key(labId: "lab", stepId: "step", checkId: "c")

    /// A hub with device d1, and a grader keeping its own cursors.
    static func hubWithCursors() async throws -> (LabHarness, CheckCursors, LabGrader) {
        let harness = try LabHarness()
        try await CheckKindTests.hubWithDevice(harness)
        let cursors = CheckCursors()
        return (harness, cursors, LabGrader(cloud: harness.cloud, cursors: cursors))
    }

    static func send(_ count: Int, _ harness: LabHarness) async throws {
        for index in 0..<count {
            #expect(try await harness.az("iot device send-d2c-message -n lab-hub -d d1 --data m\(index) --props temperatureAlert=true").exitCode == 0)
        }
    }

    @Test func aTelemetryRegradeReadsOnlyTheNewEndpointEvents() async throws {
        let check = try CheckKindTests.check("telemetry: { from: d1, atLeast: 3, property: temperatureAlert }\nexplain: Send three.")
        let (harness, cursors, grader) = try await Self.hubWithCursors()
        try await Self.send(2, harness)
        let first = await grader.grade(check, hub: "lab-hub", cursorKey: Self.key)
        #expect(first.status == .fail)
        #expect(first.actual == "2 such messages")
        #expect(await cursors.rowsRead == 2)
        try await Self.send(1, harness)
        let second = await grader.grade(check, hub: "lab-hub", cursorKey: Self.key)
        #expect(second.status == .pass)
        #expect(second == (await harness.grader.grade(check, hub: "lab-hub")))
        #expect(await cursors.rowsRead == 3, "the re-grade read the one new message only")
        #expect(await grader.grade(check, hub: "lab-hub", cursorKey: Self.key) == second)
        #expect(await cursors.rowsRead == 3, "nothing new, nothing read")
    }

    @Test func aJournalRegradeReadsOnlyTheNewJournalRows() async throws {
        let check = try CheckKindTests.check("endpoint: { name: events, atLeast: 3, from: d1 }\nexplain: Deliver three.")
        let (harness, cursors, grader) = try await Self.hubWithCursors()
        try await Self.send(2, harness)
        let first = await grader.grade(check, hub: "lab-hub", cursorKey: Self.key)
        #expect(first.actual == "2 delivered to events")
        let journalRows = try harness.cloud.workspace.lastJournalSequence()
        #expect(await cursors.rowsRead == Int(journalRows))
        try await Self.send(1, harness)
        let newRows = try harness.cloud.workspace.lastJournalSequence() - journalRows
        let second = await grader.grade(check, hub: "lab-hub", cursorKey: Self.key)
        #expect(second.status == .pass)
        #expect(second.actual == "3 delivered to events")
        #expect(second == (await harness.grader.grade(check, hub: "lab-hub")))
        #expect(await cursors.rowsRead == Int(journalRows + newRows))
    }

    @Test func aStepResetStartsItsChecksOverAndLeavesOtherStepsAlone() async throws {
        let check = try CheckKindTests.check("telemetry: { from: d1, atLeast: 1 }\nexplain: Send one.")
        let (harness, cursors, grader) = try await Self.hubWithCursors()
        let other = CheckCursors.Key(labId: "lab", stepId: "other", checkId: "c")
        try await Self.send(2, harness)
        _ = await grader.grade(check, hub: "lab-hub", cursorKey: Self.key)
        _ = await grader.grade(check, hub: "lab-hub", cursorKey: other)
        #expect(await cursors.rowsRead == 4)
        await cursors.reset(labId: "lab", stepId: "step")
        let again = await grader.grade(check, hub: "lab-hub", cursorKey: Self.key)
        #expect(again.actual == "2 such messages")
        #expect(await cursors.rowsRead == 6, "the reset step read its two messages again")
        _ = await grader.grade(check, hub: "lab-hub", cursorKey: other)
        #expect(await cursors.rowsRead == 6, "the other step kept its cursor")
    }

    @Test func aCountWithinAWindowIsRedoneEachTime() async throws {
        let check = try CheckKindTests.check("telemetry: { from: d1, atLeast: 1, within: 60 }\nexplain: Send one.")
        let (harness, cursors, grader) = try await Self.hubWithCursors()
        try await Self.send(1, harness)
        #expect(await grader.grade(check, hub: "lab-hub", cursorKey: Self.key).status == .pass)
        harness.clock.advance(by: 61)
        let result = await grader.grade(check, hub: "lab-hub", cursorKey: Self.key)
        #expect(result.actual == "0 such messages")
        #expect(await cursors.rowsRead == 2)
    }
}
