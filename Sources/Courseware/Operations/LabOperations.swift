import AzConsole
import Foundation
import LocalCloud

/// `iotlab lab list | show | start | check | hint | reset | solve`: the lab loop without a
/// terminal UI, for scripts, instructors and CI. Each returns what to print and the exit code
/// (`check` exits 1 when a check fails or errs); progress is kept in the workspace.
public struct LabOperations: Sendable {
    let catalog: LabCatalog
    let cloud: LocalCloud
    let runner: LabActionRunner
    let grader: LabGrader
    let store: LabProgressStore

    public init(catalog: LabCatalog, cloud: LocalCloud, simulations: (any LabSimulationHost)?, workingDirectory: URL) {
        self.catalog = catalog
        self.cloud = cloud
        runner = LabActionRunner(cloud: cloud, simulations: simulations, workingDirectory: workingDirectory)
        grader = LabGrader(cloud: cloud)
        store = LabProgressStore(workspace: cloud.workspace)
    }

    /// The course map: each lab with its skill area, length and progress; `idsOnly` prints ids.
    public func list(idsOnly: Bool) -> ConsoleResult {
        if idsOnly { return .printed(catalog.labs.map { $0.id + "\n" }.joined()) }
        let progress = (try? store.all()) ?? [:]
        var text = ""
        for (area, labs) in catalog.labsBySkillArea {
            text += area + "\n"
            for lab in labs {
                let done = progress[lab.id].map { $0.stepsDone.count } ?? 0
                let state = done == lab.steps.count ? "done" : progress[lab.id]?.isStarted == true ? "\(done)/\(lab.steps.count) steps" : "not started"
                text += "  \(lab.id)  \(lab.title)  (\(lab.estimatedMinutes) min, \(state))\n"
            }
        }
        return .printed(text)
    }


    /// The lab's description, objectives, steps with their progress, and its code files.
    public func show(_ id: String) -> ConsoleResult {
        withLab(id) { lab in
            let progress = try store.load(lab.id)
            var text = "\(lab.title) [\(lab.id)]\nSkill area: \(lab.skillArea) · about \(lab.estimatedMinutes) min · hub \(lab.hub)\n\n"
            text += "Objectives:\n" + lab.objectives.map { "  - \($0)\n" }.joined() + "\n" + lab.introduction.trimmed + "\n\nSteps:\n"
            for (index, step) in lab.steps.enumerated() {
                let mark = progress.stepsDone.contains(step.id) ? "✓" : progress.stepsSkipped.contains(step.id) ? "»" : " "
                text += "  \(mark) \(index + 1). \(step.title) [\(step.id)]\n"
            }
            let code = lab.codeFiles(in: "starter") + lab.codeFiles(in: "solution")
            if !code.isEmpty { text += "\nCode (in \(lab.folder.path)):\n" + code.map { "  \($0)\n" }.joined() }
            if progress.isStarted { text += "\nTime spent: \(Self.duration(progress.secondsSpent))\n" }
            return .printed(text)
        }
    }

    /// Prepares the workspace (the lab's setup), starts the lab's clock and prints the current
    /// step's instructions.
    public func start(_ id: String) async -> ConsoleResult {
        await withLab(id) { lab in
            let report = await runner.run(lab.setup, of: lab)
            guard report.succeeded else {
                return .refused("The lab's setup failed:\n" + report.transcript.joined(separator: "\n"))
            }
            var progress = try store.load(lab.id)
            progress.touch(at: cloud.clock.now())
            try store.save(progress)
            var text = "\(lab.title)\n\n\(lab.introduction.trimmed)\n\n"
            if let step = progress.currentStep(of: lab) {
                text += Self.instructions(step, of: lab) + "\nWhen you are done: iotlab lab check \(lab.id)\n"
            } else {
                text += "Every step of this lab is done. iotlab lab reset \(lab.id) starts it again.\n"
            }
            return .printed(text)
        }
    }

    static func instructions(_ step: LabStep, of lab: LabDefinition) -> String {
        let number = (lab.steps.firstIndex { $0.id == step.id } ?? 0) + 1
        return "Step \(number) of \(lab.steps.count): \(step.title)\n\n\(step.instructions.trimmed)\n"
    }

    /// Runs the checks of step `step` (an id or number), or of the current step; a step whose
    /// checks all pass is recorded as done. Exit code 1 when a check fails or errs.
    public func check(_ id: String, step reference: String?) async -> ConsoleResult {
        await withLab(id) { lab in
            var progress = try store.load(lab.id)
            let step = try reference.map { reference throws(LabCatalogError) in try Self.step(reference, of: lab) }
                ?? progress.currentStep(of: lab)
            guard let step else {
                return .printed("Every step of \(lab.id) is done (check one again with --step N).\n")
            }
            let results = await grader.grade(step, of: lab)
            let passed = results.allSatisfy { $0.status == .pass }
            progress.touch(at: cloud.clock.now())
            if passed { progress.markDone(step.id) }
            try store.save(progress)
            var text = Self.instructions(step, of: lab).split(separator: "\n", maxSplits: 1).first.map { String($0) + "\n" } ?? ""
            text += results.map(Self.describe).joined()
            if passed {
                text += "\nStep done ✓"
                text += progress.currentStep(of: lab).map { " Next: \($0.title) (iotlab lab start \(lab.id) shows it)\n" } ?? " Lab complete.\n"
            } else {
                text += "\nStuck? iotlab lab hint \(lab.id)\n"
            }
            return ConsoleResult(standardOutput: text, standardError: "", exitCode: passed ? 0 : 1)
        }
    }

    static func describe(_ result: CheckResult) -> String {
        switch result.status {
        case .pass: return "  ✓ \(result.checkId): \(result.actual)\n"
        case .fail:
            return "  ✗ \(result.checkId)\n      expected: \(result.expected)\n      actual:   \(result.actual)\n"
                + (result.message.isEmpty ? "" : "      \(result.message)\n")
        case .error: return "  ! \(result.checkId): \(result.message)\n"
        }
    }

    /// The next hint of the current step (graduated); after the last, where the solution is.
    public func hint(_ id: String) -> ConsoleResult {
        withLab(id) { lab in
            var progress = try store.load(lab.id)
            guard let step = progress.currentStep(of: lab) else { return .printed("Every step of \(lab.id) is done.\n") }
            let used = progress.hintsUsed[step.id] ?? 0
            progress.touch(at: cloud.clock.now())
            guard used < step.hints.count else {
                try store.save(progress)
                return .printed("No more hints for \"\(step.title)\". The solution: iotlab lab solve \(lab.id)\n")
            }
            progress.hintsUsed[step.id] = used + 1
            try store.save(progress)
            let last = used + 1 == step.hints.count ? " (last hint; next comes the solution)" : ""
            return .printed("Hint \(used + 1) of \(step.hints.count)\(last): \(step.hints[used].trimmed)\n")
        }
    }

    /// Forgets the lab's progress, or one step's; what the learner built in the workspace stays
    /// (`iotlab workspace reset` erases that).
    public func reset(_ id: String, step reference: String?) -> ConsoleResult {
        withLab(id) { lab in
            if let reference {
                let step = try Self.step(reference, of: lab)
                var progress = try store.load(lab.id)
                progress.resetStep(step.id)
                try store.save(progress)
                return .printed("Step \"\(step.title)\" of \(lab.id) is to do again.\n")
            }
            try store.delete(lab.id)
            return .printed("Progress of \(lab.id) forgotten; iotlab lab start \(lab.id) begins again.\n")
        }
    }

    /// Runs the solution of step `step` or of the current step (recorded as revealed), prints
    /// each command with its output, then grades the step.
    public func solve(_ id: String, step reference: String?) async -> ConsoleResult {
        await withLab(id) { lab in
            var progress = try store.load(lab.id)
            let step = try reference.map { reference throws(LabCatalogError) in try Self.step(reference, of: lab) }
                ?? progress.currentStep(of: lab)
            guard let step else { return .printed("Every step of \(lab.id) is done.\n") }
            if !progress.solutionsRevealed.contains(step.id) { progress.solutionsRevealed.append(step.id) }
            progress.touch(at: cloud.clock.now())
            try store.save(progress)
            let report = await runner.run(step.solution, of: lab)
            var text = "Solution of \"\(step.title)\":\n" + report.transcript.map { "$ " + $0.trimmed + "\n" }.joined()
            guard report.succeeded else { return ConsoleResult(standardOutput: text, standardError: "The solution stopped at a failing command.\n", exitCode: 1) }
            let checked = await check(lab.id, step: step.id)
            text += "\n" + checked.standardOutput
            return ConsoleResult(standardOutput: text, standardError: checked.standardError, exitCode: checked.exitCode)
        }
    }

    /// `iotlab lab lint`: each finding as `file:line: message`; exit code 1 when there is one.
    public static func lint(_ catalog: LabCatalog) -> ConsoleResult {
        let findings = LabLinter.lint(catalog)
        guard findings.isEmpty else {
            return ConsoleResult(standardOutput: "", standardError: findings.map { "\($0)\n" }.joined(), exitCode: 1)
        }
        let steps = catalog.labs.reduce(0) { $0 + $1.steps.count }
        let checks = catalog.labs.reduce(0) { $0 + $1.steps.reduce(0) { $0 + $1.checks.count } }
        return .printed("\(catalog.labs.count) labs, \(steps) steps, \(checks) checks: no problems.\n")
    }

    static func step(_ reference: String, of lab: LabDefinition) throws(LabCatalogError) -> LabStep {
        guard let step = lab.step(reference) else { throw .stepNotFound(labId: lab.id, step: reference, count: lab.steps.count) }
        return step
    }

    private func withLab(_ id: String, _ body: (LabDefinition) throws -> ConsoleResult) -> ConsoleResult {
        do {
            return try body(try catalog.lab(id))
        } catch {
            return .refused("\(error)")
        }
    }

    private func withLab(_ id: String, _ body: (LabDefinition) async throws -> ConsoleResult) async -> ConsoleResult {
        do {
            return try await body(try catalog.lab(id))
        } catch {
            return .refused("\(error)")
        }
    }

    static func duration(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        return minutes >= 60 ? "\(minutes / 60) h \(minutes % 60) min" : "\(minutes) min"
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
