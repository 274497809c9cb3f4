import Foundation
import LocalCloud

/// Runs checks against the local cloud and turns each verdict into a `CheckResult`.
///
/// Checks only read, so a workbench may run them as often as the journal changes: a step's
/// checks depend on the event kinds `LabStep.journalKinds` lists. A grader given `cursors`
/// re-grades a step by reading only what was appended since its last run; without, every run
/// reads from the start (one-shot use: `iotlab lab check`).
public struct LabGrader: Sendable {
    let cloud: LocalCloud
    /// Where each step's checks got to; kept by whoever re-grades (the workbench's services).
    public let cursors: CheckCursors?

    public init(cloud: LocalCloud, cursors: CheckCursors? = nil) {
        self.cloud = cloud
        self.cursors = cursors
    }

    /// One check; an evaluation that throws is the check's `error`, with the reason.
    public func grade(_ check: LabCheck, hub: String) async -> CheckResult {
        await grade(check, hub: hub, cursorKey: nil)
    }

    func grade(_ check: LabCheck, hub: String, cursorKey: CheckCursors.Key?) async -> CheckResult {
        let context = CheckContext(cloud: cloud, hubName: hub, now: cloud.clock.now(), cursors: cursors, cursorKey: cursorKey)
        do {
            let outcome = try await check.kind.evaluate(in: context)
            return CheckResult(
                checkId: check.id, status: outcome.passed ? .pass : .fail, expected: outcome.expected, actual: outcome.actual,
                message: outcome.passed ? "" : check.explain)
        } catch {
            return CheckResult(checkId: check.id, status: .error, expected: "", actual: "", message: "The check could not run: \(error)")
        }
    }

    /// Every check of `step`, in order.
    public func grade(_ step: LabStep, of lab: LabDefinition) async -> [CheckResult] {
        var results: [CheckResult] = []
        for check in step.checks {
            results.append(await grade(check, hub: lab.hub, cursorKey: CheckCursors.Key(labId: lab.id, stepId: step.id, checkId: check.id)))
        }
        return results
    }
}

extension LabStep {
    /// The journal kinds after which any of this step's checks may change.
    public var journalKinds: Set<String> { checks.reduce(into: []) { $0.formUnion($1.journalKinds) } }
}
