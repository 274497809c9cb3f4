import Courseware
import Foundation
import LabCore
import TerminalUI

/// One lab being worked through: the step shown, its latest check results, and the learner's
/// progress, changed by the rustlings keys — `h` next hint (then the solution, recorded), `n`
/// next step once the step passes (or after a confirmed skip, recorded), `r` reset the step.
///
/// Every change to progress is returned to the app as the progress to save, so the workspace
/// always holds what the screen shows.
struct LabRunner: Sendable {
    let lab: LabDefinition
    private(set) var progress: LabProgress
    private(set) var stepIndex: Int
    /// The results of the shown step's last grading; empty until it is graded.
    private(set) var results: [CheckResult] = []
    private(set) var instructions: TextView
    /// The line under the title: what just happened (step done, hint recorded, ...).
    private(set) var notice: String?

    init(lab: LabDefinition, progress: LabProgress) {
        self.lab = lab
        self.progress = progress
        let current = progress.currentStep(of: lab).flatMap { step in lab.steps.firstIndex { $0.id == step.id } }
        stepIndex = current ?? max(0, lab.steps.count - 1)
        instructions = TextView(markdown: "")
        refreshInstructions()
    }

    var step: LabStep { lab.steps[stepIndex] }
    var isLastStep: Bool { stepIndex == lab.steps.count - 1 }
    var stepPassed: Bool { !results.isEmpty && results.allSatisfy { $0.status == .pass } && results.count == step.checks.count }
    var isComplete: Bool { progress.currentStep(of: lab) == nil }

    /// A fresh progress value from the workspace (after `lab start` ran the setup).
    mutating func replaceProgress(_ progress: LabProgress) {
        self.progress = progress
        refreshInstructions()
    }

    /// Takes results of the shown step; a step whose checks all pass is recorded as done.
    /// Returns the progress to save when it changed.
    mutating func graded(stepId: String, results: [CheckResult], at now: Date) -> LabProgress? {
        guard stepId == step.id else { return nil }
        self.results = results
        guard stepPassed, !progress.stepsDone.contains(step.id) else { return nil }
        progress.touch(at: now)
        progress.markDone(step.id)
        notice = isLastStep ? "Step done ✓ — that was the last step: the lab is complete." : "Step done ✓ — press n for the next step."
        return progress
    }

    /// `h`: the next hint; after the last, the solution (recorded as revealed).
    mutating func nextHint(at now: Date) -> LabProgress {
        let used = progress.hintsUsed[step.id] ?? 0
        progress.touch(at: now)
        if used < step.hints.count {
            progress.hintsUsed[step.id] = used + 1
            notice = used + 1 == step.hints.count
                ? "Hint \(used + 1) of \(step.hints.count) (the last: h again shows the solution)"
                : "Hint \(used + 1) of \(step.hints.count)"
        } else if !progress.solutionsRevealed.contains(step.id) {
            progress.solutionsRevealed.append(step.id)
            notice = "Solution shown (recorded in your progress)."
        } else {
            notice = "The solution is shown below the instructions."
        }
        refreshInstructions()
        return progress
    }

    enum Advance: Equatable {
        case moved
        /// The step has not passed: ask before skipping.
        case needsConfirmation
        case labComplete
    }

    /// `n`: on to the next step when this one passed.
    mutating func advance() -> Advance {
        guard stepPassed || progress.stepsDone.contains(step.id) || progress.stepsSkipped.contains(step.id) else { return .needsConfirmation }
        guard !isLastStep else {
            notice = "This was the last step: the lab is complete. esc returns to the course map."
            return .labComplete
        }
        move(to: stepIndex + 1)
        return .moved
    }

    /// A confirmed skip: recorded, never silent.
    mutating func skip(at now: Date) -> LabProgress {
        progress.touch(at: now)
        progress.markSkipped(step.id)
        let skipped = step.title
        if !isLastStep { move(to: stepIndex + 1) }
        notice = "Skipped \"\(skipped)\" (recorded)."
        return progress
    }

    /// `r`: the step is to do again (done, skipped, hints and solution forgotten).
    mutating func resetStep(at now: Date) -> LabProgress {
        progress.touch(at: now)
        progress.resetStep(step.id)
        results = []
        notice = "Step reset: its checks run again."
        refreshInstructions()
        return progress
    }

    mutating func scroll(_ event: InputEvent, in area: Rect) -> Bool {
        instructions.handle(event, in: area).wasHandled
    }

    private mutating func move(to index: Int) {
        stepIndex = index
        results = []
        notice = nil
        refreshInstructions()
    }

    /// The hints seen so far and the solution once revealed, above the step's Markdown, so
    /// what `h` just showed is in view without scrolling.
    private mutating func refreshInstructions() {
        var text = ""
        let used = min(progress.hintsUsed[step.id] ?? 0, step.hints.count)
        for index in 0..<used {
            text += "> **Hint \(index + 1) of \(step.hints.count):** \(step.hints[index].trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
        }
        if progress.solutionsRevealed.contains(step.id) {
            // A list of inline code rather than a code block: long commands wrap instead of being cut.
            text += "**Solution**\n\n" + step.solution.map { "- `\($0.commandLine)`\n" }.joined() + "\n"
        }
        if !text.isEmpty { text += "---\n\n" }
        instructions.setContent(.markdown(text + step.instructions.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"))
    }
}
