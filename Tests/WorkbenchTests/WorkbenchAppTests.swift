import Courseware
import Foundation
import IoTLabApp
import LabCore
import TerminalUI
import Testing
@testable import Workbench

@Suite struct WorkbenchAppTests {
    let fixture = WorkbenchFixture()

    /// The results of lab 1's first step with `passing` checks passing and the others failing.
    func firstStepResults(passing: Bool) -> [CheckResult] {
        let step = fixture.catalog.labs[0].steps[0]
        return step.checks.map {
            CheckResult(checkId: $0.id, status: passing ? .pass : .fail, expected: "hub S1, 4 partitions", actual: passing ? "S1, 4" : "no IoT hub", message: passing ? "" : $0.explain)
        }
    }

    @Test func homeListsTheFourLabsUnderTheirSkillAreasWithTheEndpoints() {
        let app = fixture.openedApp()
        let text = app.screenText
        #expect(fixture.catalog.labs.count == 4)
        for lab in fixture.catalog.labs {
            #expect(text.contains(lab.title.prefix(40)), "missing \(lab.title)")
            #expect(text.contains(lab.skillArea.prefix(40)), "missing \(lab.skillArea)")
        }
        #expect(text.contains("not started"))
        #expect(text.contains("mqtts://127.0.0.1:8883"))
        #expect(text.contains("enter open lab"))
        #expect(!text.contains("Continue where you left off"))
    }

    @Test func homeOffersToContinueTheLabLastWorkedOn() {
        var progress = LabProgress(labId: fixture.catalog.labs[1].id)
        progress.touch(at: fixture.clock.now())
        progress.markDone(fixture.catalog.labs[1].steps[0].id)
        var app = fixture.openedApp(progress: [progress.labId: progress])
        #expect(app.screenText.contains("▶ Continue where you left off: \(fixture.catalog.labs[1].title)"))
        app.press(.up, .enter)
        #expect(app.page == .lab)
        #expect(app.runner?.lab.id == fixture.catalog.labs[1].id)
        #expect(app.runner?.stepIndex == 1)
    }

    @Test func slashFiltersTheCourseMapAndEnterOpensTheMatch() {
        var app = fixture.openedApp()
        app.type("/rout")
        app.press(.enter, .enter)
        #expect(app.runner?.lab.id == "message-routing" || app.runner?.lab.title.lowercased().contains("rout") == true)
    }

    @Test func openingALabShowsStepOneAndItsFailingChecks() {
        var app = fixture.openedApp()
        app.press(.enter)
        #expect(app.page == .lab)
        let step = fixture.catalog.labs[0].steps[0]
        #expect(fixture.requests.gradings == [step.id])
        #expect(app.screenText.contains("… \(step.checks[0].id)  pending"))
        _ = app.receive(.graded(labId: fixture.catalog.labs[0].id, stepId: step.id, results: firstStepResults(passing: false)))
        let text = app.screenText
        #expect(text.contains("Step 1/\(fixture.catalog.labs[0].steps.count): \(step.title)"))
        #expect(text.contains("✗ \(step.checks[0].id)"))
        #expect(text.contains("expected: hub S1, 4 partitions"))
        #expect(text.contains("actual:   no IoT hub"))
        #expect(text.contains("h hint"))
    }

    @Test func aPassingStepIsRecordedAndNMovesOn() throws {
        var app = fixture.openedApp()
        app.press(.enter)
        let lab = fixture.catalog.labs[0]
        _ = app.receive(.graded(labId: lab.id, stepId: lab.steps[0].id, results: firstStepResults(passing: true)))
        #expect(app.screenText.contains("✓ \(lab.steps[0].checks[0].id)"))
        #expect(app.screenText.contains("press n for the next step"))
        let saved = try #require(fixture.requests.saved.last)
        #expect(saved.stepsDone == [lab.steps[0].id])
        app.press(.character("n"))
        #expect(app.runner?.stepIndex == 1)
        #expect(fixture.requests.gradings.last == lab.steps[1].id)
    }

    @Test func nOnAFailingStepAsksAndRecordsAnExplicitSkip() throws {
        var app = fixture.openedApp()
        app.press(.enter)
        let lab = fixture.catalog.labs[0]
        _ = app.receive(.graded(labId: lab.id, stepId: lab.steps[0].id, results: firstStepResults(passing: false)))
        app.press(.character("n"))
        #expect(app.runner?.stepIndex == 0)
        #expect(app.screenText.contains("Skip it?"))
        app.press(.character("n"))
        #expect(app.runner?.stepIndex == 0)
        #expect(fixture.requests.saved.isEmpty)
        app.press(.character("n"), .character("y"))
        #expect(app.runner?.stepIndex == 1)
        let saved = try #require(fixture.requests.saved.last)
        #expect(saved.stepsSkipped == [lab.steps[0].id])
        #expect(saved.stepsDone.isEmpty)
    }

    @Test func hintsAreGraduatedAndAfterTheLastTheSolutionIsShownAndRecorded() throws {
        var app = fixture.openedApp()
        app.press(.enter)
        let step = fixture.catalog.labs[0].steps[0]
        #expect(step.hints.count == 2)
        app.press(.character("h"))
        #expect(app.screenText.contains("Hint 1 of 2"))
        #expect(!app.screenText.contains("Hint 2 of 2:"))
        app.press(.character("h"))
        #expect(app.screenText.contains("h again shows the solution"))
        #expect(try #require(fixture.requests.saved.last).hintsUsed[step.id] == 2)
        #expect(try #require(fixture.requests.saved.last).solutionsRevealed.isEmpty)
        app.press(.character("h"))
        #expect(app.screenText.contains("az iot hub create --name $HUB --sku S1"))
        #expect(app.screenText.contains("Solution"))
        #expect(try #require(fixture.requests.saved.last).solutionsRevealed == [step.id])
    }

    @Test func resetForgetsTheStepAndGradesItAgain() throws {
        var app = fixture.openedApp()
        app.press(.enter)
        let lab = fixture.catalog.labs[0]
        _ = app.receive(.graded(labId: lab.id, stepId: lab.steps[0].id, results: firstStepResults(passing: true)))
        app.press(.character("h"), .character("r"))
        let saved = try #require(fixture.requests.saved.last)
        #expect(saved.stepsDone.isEmpty)
        #expect(saved.hintsUsed[lab.steps[0].id] == nil)
        #expect(app.screenText.contains("… \(lab.steps[0].checks[0].id)  pending"))
        #expect(fixture.requests.gradings == [lab.steps[0].id, lab.steps[0].id])
    }

    @Test func journalEventsOfTheStepsKindsRegradeItOnceAtATime() {
        var app = fixture.openedApp()
        app.press(.enter)
        let lab = fixture.catalog.labs[0]
        let hubCreated = JournalRecordSample.record(sequence: 1, kind: "IotHubCreated")
        let unrelated = JournalRecordSample.record(sequence: 2, kind: "MessageRouted")
        _ = app.receive(.journal([unrelated]))
        _ = app.receive(.journal([hubCreated]))
        _ = app.receive(.journal([hubCreated]))
        // The first grading (on opening) is still running: the events ask for one more, not two.
        #expect(fixture.requests.gradings.count == 1)
        _ = app.receive(.graded(labId: lab.id, stepId: lab.steps[0].id, results: firstStepResults(passing: false)))
        #expect(fixture.requests.gradings.count == 2)
    }

    @Test func qQuitsAtOnceOnTheHomeScreenButAsksWhileALabRuns() {
        var home = fixture.openedApp()
        #expect(home.handle(.key(.character("q")), screenSize: WorkbenchFixture.size) == .quit)
        var app = fixture.openedApp()
        app.press(.enter)
        #expect(app.handle(.key(.character("q")), screenSize: WorkbenchFixture.size) == .continue)
        #expect(app.screenText.contains("Quit the workbench?"))
        #expect(app.handle(.key(.escape), screenSize: WorkbenchFixture.size) == .continue)
        app.press(.escape)
        #expect(app.page == .home)
    }

    @Test func questionMarkShowsEveryKeyAndEscClosesIt() {
        var app = fixture.openedApp()
        app.press(.enter, .character("?"))
        #expect(app.screenText.contains("next step once the checks pass"))
        app.press(.escape)
        #expect(!app.screenText.contains("next step once the checks pass"))
        #expect(app.page == .lab)
    }

    @Test func theConsoleRunsTypedCommandsAndKeepsHistory() {
        var app = fixture.openedApp()
        app.press(.enter, .character("1"))
        app.type("az iot hub list")
        app.press(.enter)
        guard case .runConsole(let line)? = fixture.requests.all.last else {
            Issue.record("no console request")
            return
        }
        #expect(line == "az iot hub list")
        #expect(app.screenText.contains("$ az iot hub list"))
        app.press(.up)
        #expect(app.console.input.text == "az iot hub list")
        app.press(.escape)
        #expect(app.focus == .instructions)
    }
}
