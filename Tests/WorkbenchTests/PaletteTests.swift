import TerminalUI
import Testing
@testable import Workbench

/// `:` opens the command palette on the course map and in the lab runner; its actions are built
/// from the app's state and run exactly as their keys do.
@Suite struct PaletteTests {
    let fixture = WorkbenchFixture()

    func isPaletteOpen(_ app: WorkbenchApp) -> Bool {
        if case .palette? = app.overlay { true } else { false }
    }

    @Test func colonOnTheCourseMapOffersTheLabsAndEscCloses() {
        var app = fixture.openedApp()
        app.type(":")
        #expect(isPaletteOpen(app))
        let text = app.screenText
        #expect(text.contains("open lab 1: \(fixture.catalog.labs[0].title)"))
        #expect(text.contains("quit the workbench"))
        #expect(!text.contains("go to the Telemetry pane"), "panes are offered beside a lab only")
        #expect(text.contains("enter run"))
        app.press(.escape)
        #expect(!isPaletteOpen(app))
        #expect(app.page == .home)
    }

    @Test func typingFiltersToAPaneAndEnterGoesThere() {
        var app = fixture.openedApp()
        app.press(.enter)
        app.type(":tele")
        let text = app.screenText
        #expect(text.contains(":tele"))
        #expect(text.contains("go to the Telemetry pane"))
        #expect(!text.contains("go to the Console pane"))
        app.press(.enter)
        #expect(!isPaletteOpen(app))
        #expect(app.selectedPane == .telemetry)
        #expect(app.focus == .pane)
    }

    @Test func everyPaneIsOfferedWithItsDigitKey() {
        var app = fixture.openedApp()
        app.press(.enter)
        let entries = app.paletteEntries
        for (index, pane) in WorkbenchApp.PaneKind.allCases.enumerated() {
            let entry = entries.first { $0.action == .pane(index) }
            #expect(entry?.command.name == pane.rawValue.lowercased())
            #expect(entry?.command.key == String(index + 1))
        }
        #expect(entries.first { $0.command.name == "hint" }?.command.key == "h")
    }

    @Test func labWithANumberOpensThatLabAndWithoutOneListsTheLabs() {
        var app = fixture.openedApp()
        app.type(":lab 2")
        app.press(.enter)
        #expect(app.page == .lab)
        #expect(app.runner?.lab.id == fixture.catalog.labs[1].id)
        app.type(":lab")
        app.press(.enter)
        #expect(isPaletteOpen(app))
        #expect(app.screenText.contains(":lab"))
        #expect(app.screenText.contains("open lab 3: \(fixture.catalog.labs[2].title)"))
    }

    @Test func hintFromThePaletteIsTheHKeyEvenFromAPane() {
        var app = fixture.openedApp()
        // The Events pane: in the console, `:` is part of the command being typed.
        app.press(.enter, .character("2"))
        #expect(app.focus == .pane)
        app.type(":hint")
        app.press(.enter)
        #expect(app.focus == .instructions)
        #expect(fixture.requests.saved.last?.hintsUsed.isEmpty == false)
    }

    @Test func azAfterTheColonRunsInTheConsole() {
        var app = fixture.openedApp()
        app.press(.enter)
        app.type(":az iot hub list -o table")
        app.press(.enter)
        #expect(app.selectedPane == .console)
        guard case .runConsole(let line)? = fixture.requests.all.last else {
            Issue.record("no console run: \(fixture.requests.all)")
            return
        }
        #expect(line == "iot hub list -o table")
        #expect(app.screenText.contains("$ az iot hub list -o table"))
    }

    @Test func checkNowAsksForAGrading() {
        var app = fixture.openedApp()
        app.press(.enter)
        let step = fixture.catalog.labs[0].steps[0]
        _ = app.receive(.graded(labId: fixture.catalog.labs[0].id, stepId: step.id, results: []))
        let before = fixture.requests.gradings.count
        app.type(":check")
        app.press(.enter)
        #expect(fixture.requests.gradings.count == before + 1)
    }

    @Test func resetFromTheRunnerStartsTheStepsCursorsOver() {
        var app = fixture.openedApp()
        app.press(.enter, .character("r"))
        let step = fixture.catalog.labs[0].steps[0]
        #expect(fixture.requests.all.contains { if case .resetChecks(fixture.catalog.labs[0].id, step.id)? = Optional($0) { true } else { false } })
    }
}
