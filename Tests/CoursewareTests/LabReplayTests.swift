import Foundation
import Testing

@testable import Courseware

/// Every lab of `Labs/` is solvable and every check can fail and pass: on a fresh workspace the
/// lab's setup runs, then for each step its checks all fail, its solution runs as a learner
/// would type it, and its checks all pass (rustlings' and ziglings' "CI heals everything").
@Suite struct LabReplayTests {
    static let labIds = LabCatalog(folder: LabHarness.labsFolder).labs.map(\.id)

    @Test func theRepositoryHasTheFirstFourLabs() {
        #expect(Self.labIds == ["hub-and-device", "device-telemetry", "message-routing", "monitor-control"])
        #expect(LabCatalog(folder: LabHarness.labsFolder).problems.isEmpty)
    }

    @Test(arguments: labIds)
    func everyCheckFailsBeforeItsStepAndPassesAfterTheSolution(labId: String) async throws {
        let harness = try LabHarness()
        let lab = try LabCatalog(folder: LabHarness.labsFolder).lab(labId)
        let setup = await harness.runner.run(lab.setup, of: lab)
        try #require(setup.succeeded, "setup of \(labId): \(setup.transcript.joined(separator: "\n"))")
        for step in lab.steps {
            for result in await harness.grader.grade(step, of: lab) {
                #expect(result.status == .fail, "\(labId)/\(step.id)/\(result.checkId) before its step: \(result)")
                #expect(!result.expected.isEmpty && !result.actual.isEmpty && !result.message.isEmpty)
            }
            let solution = await harness.runner.run(step.solution, of: lab)
            try #require(solution.succeeded, "solution of \(labId)/\(step.id): \(solution.transcript.joined(separator: "\n"))")
            for result in await Self.gradeSettled(step, of: lab, harness) {
                #expect(result.status == .pass, "\(labId)/\(step.id)/\(result.checkId) after its solution: \(result)")
            }
        }
        await harness.simulations.stopAll()
    }

    /// The step's results once simulated devices have reacted to the solution (a device reports
    /// a desired property back in its own task): re-graded while yielding to it, a bounded
    /// number of times, never waiting on time.
    static func gradeSettled(_ step: LabStep, of lab: LabDefinition, _ harness: LabHarness) async -> [CheckResult] {
        var results = await harness.grader.grade(step, of: lab)
        for _ in 0..<1000 where !results.allSatisfy({ $0.status == .pass }) {
            await Task.yield()
            results = await harness.grader.grade(step, of: lab)
        }
        let fromScratch = await LabGrader(cloud: harness.cloud).grade(step, of: lab)
        #expect(results.map(\.status) == fromScratch.map(\.status), "\(lab.id)/\(step.id): incremental \(results) vs from scratch \(fromScratch)")
        return results
    }

    @Test func setupRunTwiceSkipsWhatIsAlreadyThere() async throws {
        let harness = try LabHarness()
        let lab = try LabCatalog(folder: LabHarness.labsFolder).lab("device-telemetry")
        _ = await harness.runner.run(lab.setup, of: lab)
        let again = await harness.runner.run(lab.setup, of: lab)
        #expect(again.succeeded)
        #expect(again.transcript.allSatisfy { $0.hasSuffix("(skipped: already done)") })
    }
}
