import Courseware
import Foundation
import IoTLabApp
import LabCore
import TerminalUI
import Testing
@testable import Workbench

/// The workbench on an in-memory terminal over a real workspace session: keys in, frames out,
/// checks graded by the real grader after the journal says something changed.
@Suite struct WorkbenchLoopTests {
    /// Waits until the screen shows `text`; the deadline only stops a broken test from hanging.
    func waitForScreen(_ terminal: MemoryTerminal, toShow text: String) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            if terminal.lastFrame?.text.contains(text) == true { return true }
            await Task.yield()
        }
        return false
    }

    @Test func aConsoleCommandThatCreatesTheHubTurnsLabOnesFirstCheckGreen() async throws {
        let fixture = WorkbenchFixture()
        defer { fixture.cleanUp() }
        let session = try WorkspaceSession(home: fixture.home)
        let services = WorkbenchServices(catalog: fixture.catalog)
        let app = WorkbenchApp(catalog: fixture.catalog, clock: SystemClock(), request: { services.request($0) })
        let terminal = MemoryTerminal(size: WorkbenchFixture.size)
        let loop = FrameLoop(app: app, terminal: terminal, clock: SystemClock())
        let serving = Task { await services.serve(session: session, pollInterval: nil) { loop.send($0) } }
        let running = Task { await loop.run() }
        let step = fixture.catalog.labs[0].steps[0]

        #expect(await waitForScreen(terminal, toShow: fixture.catalog.labs[0].title))
        terminal.send(.key(.enter))
        #expect(await waitForScreen(terminal, toShow: "✗ \(step.checks[0].id)"))
        terminal.type("1")
        terminal.type("iot hub create --name iot-az220-training --sku S1 --partition-count 4")
        terminal.send(.key(.enter))
        #expect(await waitForScreen(terminal, toShow: "✓ \(step.checks[0].id)"))
        #expect(await waitForScreen(terminal, toShow: "press n for the next step"))
        terminal.send(.key(.escape))
        terminal.send(.key(.character("2")))
        #expect(await waitForScreen(terminal, toShow: "IotHubCreated"))
        terminal.send(.key(.escape))
        terminal.send(.key(.character("q")))
        terminal.send(.key(.character("y")))
        let final = await running.value
        services.finish()
        await serving.value
        #expect(final.progress[fixture.catalog.labs[0].id]?.stepsDone == [step.id])
        let stored = try LabProgressStore(workspace: session.workspace).load(fixture.catalog.labs[0].id)
        #expect(stored.stepsDone == [step.id])
        #expect(stored.isStarted)
    }

    @Test func requestsQueuedWhenTheWorkbenchQuitsAreCarriedOutBeforeServeReturns() async throws {
        let fixture = WorkbenchFixture()
        defer { fixture.cleanUp() }
        let session = try WorkspaceSession(home: fixture.home)
        let services = WorkbenchServices(catalog: fixture.catalog)
        var progress = LabProgress(labId: fixture.catalog.labs[0].id)
        progress.stepsDone = [fixture.catalog.labs[0].steps[0].id]
        services.request(.saveProgress(progress))
        services.finish()
        await services.serve(session: session, pollInterval: .milliseconds(10)) { _ in }
        #expect(try LabProgressStore(workspace: session.workspace).load(progress.labId).stepsDone == progress.stepsDone)
    }
}
