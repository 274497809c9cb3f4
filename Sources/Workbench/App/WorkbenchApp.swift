import Courseware
import Foundation
import LabCore
import TerminalUI

/// The whole workbench as one value the `FrameLoop` owns: the course map, the lab being run,
/// the live panes and any overlay. Keys and messages change it; anything that touches the
/// workspace goes out as a `WorkbenchRequest` and comes back as a `WorkbenchMessage`.
public struct WorkbenchApp: TerminalApplication {
    public typealias Message = WorkbenchMessage

    enum Page: Equatable {
        case home
        case lab
    }

    enum Focus: Equatable {
        case instructions
        case pane
    }

    enum Overlay: Sendable {
        case help(HelpOverlay)
        case confirmQuit(ConfirmDialog)
        case confirmSkip(ConfirmDialog)
        case palette(CommandPalette)
    }

    /// The live panes beside a lab, in the order of the issue; only built panes appear.
    enum PaneKind: String, CaseIterable, Sendable {
        case console = "Console"
        case events = "Events"
        case devices = "Devices"
        case telemetry = "Telemetry"
        case twin = "Twin"
        case methods = "Methods"
        case routes = "Routes"
    }

    let catalog: LabCatalog
    let request: @Sendable (WorkbenchRequest) -> Void
    let clock: any LabClock
    let theme: Theme
    private(set) var page = Page.home
    var focus = Focus.instructions
    private(set) var courseMap: CourseMap
    private(set) var runner: LabRunner?
    private(set) var progress: [String: LabProgress] = [:]
    private(set) var connections: [String] = ["Opening the workspace…"]
    var status: String?
    var overlay: Overlay?
    private(set) var tabs = TabBar(titles: PaneKind.allCases.map(\.rawValue))
    var console = ConsolePane()
    private(set) var events = EventsPane()
    var devices = DevicesPane()
    var telemetry = TelemetryPane()
    var twinPane = TwinPane()
    var methodsPane = MethodsPane()
    /// Set by `WorkbenchApp+RouteTester.swift`, hence not `private(set)`.
    var routeTester = RouteTesterPane()
    private(set) var isOpen = false
    /// Grading is requested once at a time; events during a grading ask for one more.
    private var gradingInFlight = false
    private var gradeAgain = false

    public init(catalog: LabCatalog, theme: Theme = .standard, clock: any LabClock, request: @escaping @Sendable (WorkbenchRequest) -> Void) {
        self.catalog = catalog
        self.theme = theme
        self.clock = clock
        self.request = request
        courseMap = CourseMap(catalog: catalog, progress: [:])
        if !catalog.problems.isEmpty { status = "\(catalog.problems.count) lab definitions could not be read (iotlab lab lint)" }
    }

    // MARK: Messages

    public mutating func receive(_ message: WorkbenchMessage) -> LoopControl {
        switch message {
        case .opened(let overview):
            isOpen = true
            progress = overview.progress
            connections = overview.connections
            console.setCommandNames(overview.commandNames)
            request(.listDevices)
            courseMap.update(catalog: catalog, progress: progress, selectFirst: page == .home)
            regrade()
        case .openFailed(let reason):
            connections = [reason]
            status = reason
        case .graded(let labId, let stepId, let results):
            gradingInFlight = false
            let now = clock.now()
            guard runner?.lab.id == labId, let changed = runner?.graded(stepId: stepId, results: results, at: now) else {
                regradeIfAsked()
                return .continue
            }
            save(changed)
            regradeIfAsked()
        case .consoleFinished(let command, let result):
            console.finished(command, result, theme: theme)
        case .labStarted(let labId, let started, let result):
            if result.exitCode != 0 { status = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines) }
            progress[labId] = started
            if runner?.lab.id == labId { runner?.replaceProgress(started) }
            courseMap.update(catalog: catalog, progress: progress)
        case .journal(let records):
            events.append(records, theme: theme)
            twinJournal(records)
            noteNames(in: records)
            if page == .lab, selectedPane == .devices { request(.listDevices) }
            if let runner, telemetry.watching == nil, records.contains(where: { $0.kind == "IotHubCreated" }) { watchTelemetry(runner.lab.hub) }
            if let step = runner?.step, records.contains(where: { step.journalKinds.contains($0.kind) }) { regrade() }
            routeTesterHeard(records)
        case .telemetryEnded(let hub, let reason):
            if telemetry.watching == hub { telemetry.ended(reason, theme: theme) }
        case .devices(let rows):
            devices.update(rows, theme: theme)
            twinDevices(rows)
            console.setDevices(rows)
        case .connections(let lines):
            connections = lines
        case .problem(let reason):
            status = reason
        case .telemetryEvents(let hub, let events):
            receivedTelemetry(events, from: hub)
        case .simulatorTemplates(let hub, let deviceId, let templates):
            receivedSimulatorTemplates(hub: hub, deviceId: deviceId, templates: templates)
        case .simulatorReport(let text):
            status = text
        case .twinLoaded, .twinRefused: receiveTwin(message)
        case .methodFinished, .cloudToDeviceFinished: receiveMethods(message)
        case .routeTester(let snapshot): routeTester.update(snapshot, theme: theme)
        case .routeTested(let report): routeTester.show(report, theme: theme)
        case .routeTestFailed(let refusal): routeTester.showFailure(refusal, theme: theme)
        }
        return .continue
    }

    // MARK: Input

    public mutating func handle(_ event: InputEvent, screenSize: Size) -> LoopControl {
        let layout = WorkbenchLayout(size: screenSize, page: page)
        switch event {
        case .terminate: return .quit
        case .resize, .key(.control("l")): return .continue
        default: break
        }
        if let overlay { return handleOverlay(overlay, event, in: layout.screen) }
        if case .mouse(let mouse) = event, layout.keyBar.contains(mouse.position) {
            var bar = KeyHintBar(hints: keyHints)
            guard case .action(let key)? = Optional(bar.handle(event, in: layout.keyBar)) else { return .continue }
            return handle(.key(key), screenSize: screenSize)
        }
        switch page {
        case .home: return handleHome(event, layout: layout)
        case .lab: return handleLab(event, layout: layout)
        }
    }

    private mutating func handleHome(_ event: InputEvent, layout: WorkbenchLayout) -> LoopControl {
        let (handled, open) = courseMap.handle(event, in: layout.left.insetBy(dx: 1, dy: 1))
        if let open {
            openLab(open)
            return .continue
        }
        if handled || courseMap.isFiltering { return .continue }
        switch event {
        case .key(.character("q")): return .quit
        case .key(.character("?")): showHelp()
        case .key(.character(":")): openPalette()
        default: break
        }
        return .continue
    }

    private mutating func handleLab(_ event: InputEvent, layout: WorkbenchLayout) -> LoopControl {
        if focus == .pane { return handlePane(event, layout: layout) }
        guard runner != nil else { return .continue }
        if case .mouse(let mouse) = event, layout.tabs.contains(mouse.position), let index = tabs.handle(event, in: layout.tabs).action {
            selectPane(index)
            return .continue
        }
        switch event {
        case .key(.character("q")):
            overlay = .confirmQuit(ConfirmDialog(title: "Quit", message: "Quit the workbench? Your progress is kept.", confirmLabel: "Quit"))
        case .key(.escape):
            page = .home
            courseMap.update(catalog: catalog, progress: progress)
        case .key(.character("?")): showHelp()
        case .key(.character(":")): openPalette()
        case .key(.character("h")):
            let now = clock.now()
            if let changed = runner?.nextHint(at: now) { save(changed) }
        case .key(.character("n")):
            switch runner?.advance() {
            case .moved?: regrade()
            case .needsConfirmation?:
                overlay = .confirmSkip(ConfirmDialog(
                    title: "Skip step", message: "This step's checks have not passed. Skip it? The skip is recorded.", confirmLabel: "Skip"))
            default: break
            }
        case .key(.character("r")):
            let now = clock.now()
            if let changed = runner?.resetStep(at: now) {
                save(changed)
                if let runner { request(.resetChecks(labId: runner.lab.id, stepId: runner.step.id)) }
                regrade()
            }
        case .key(.tab):
            focus = .pane
        case .key(.character(let c)) where c.wholeNumberValue.map { (1...PaneKind.allCases.count).contains($0) } == true:
            selectPane((c.wholeNumberValue ?? 1) - 1)
        default:
            _ = runner?.scroll(event, in: layout.instructions)
        }
        return .continue
    }

    private mutating func handlePane(_ event: InputEvent, layout: WorkbenchLayout) -> LoopControl {
        let used: Bool
        switch selectedPane {
        case .console:
            switch console.handle(event, in: layout.pane) {
            case .run(let line)?: request(.runConsole(line))
            case .leave?: focus = .instructions
            case nil: break
            }
            return .continue
        case .events: used = events.handle(event, in: layout.pane, theme: theme)
        case .devices: used = handleDevices(event, in: layout.pane)
        case .telemetry: used = telemetry.handle(event, in: layout.pane)
        case .twin: used = handleTwinPane(event, in: layout.pane)
        case .methods: used = handleMethodsPane(event, in: layout.pane)
        case .routes: used = handleRouteTester(event, in: layout.pane)
        }
        guard !used else { return .continue }
        switch event {
        case .key(.escape), .key(.tab): focus = .instructions
        case .key(.character(":")): openPalette()
        case .key(.character("q")):
            // Outside the console, q asks to quit as it does beside the instructions.
            focus = .instructions
            return handleLab(event, layout: layout)
        default: break
        }
        return .continue
    }

    private mutating func handleOverlay(_ current: Overlay, _ event: InputEvent, in area: Rect) -> LoopControl {
        switch current {
        case .help(var help):
            if case .dismissed? = help.handle(event, in: area).action { overlay = nil } else { overlay = .help(help) }
        case .confirmQuit(var dialog):
            switch dialog.handle(event, in: area).action {
            case .confirmed?: return .quit
            case .cancelled?: overlay = nil
            case nil: overlay = .confirmQuit(dialog)
            }
        case .confirmSkip(var dialog):
            switch dialog.handle(event, in: area).action {
            case .confirmed?:
                overlay = nil
                let now = clock.now()
                if let changed = runner?.skip(at: now) {
                    save(changed)
                    regrade()
                }
            case .cancelled?: overlay = nil
            case nil: overlay = .confirmSkip(dialog)
            }
        case .palette(let palette): return handlePalette(palette, event, in: area)
        }
        return .continue
    }

    // MARK: Actions

    mutating func openLab(_ labId: String) {
        guard let lab = try? catalog.lab(labId) else { return }
        let labProgress = progress[lab.id] ?? LabProgress(labId: lab.id)
        runner = LabRunner(lab: lab, progress: labProgress)
        page = .lab
        focus = .instructions
        gradingInFlight = false
        gradeAgain = false
        request(.startLab(labId: lab.id))
        watchTelemetry(lab.hub)
        regrade()
    }

    mutating func regrade() {
        guard let runner, isOpen else { return }
        if gradingInFlight {
            gradeAgain = true
            return
        }
        gradingInFlight = true
        request(.grade(labId: runner.lab.id, stepId: runner.step.id))
    }

    private mutating func regradeIfAsked() {
        guard gradeAgain else { return }
        gradeAgain = false
        regrade()
    }

    private mutating func save(_ changed: LabProgress) {
        progress[changed.labId] = changed
        request(.saveProgress(changed))
    }

    private mutating func watchTelemetry(_ hub: String) {
        telemetry.started(hub: hub, theme: theme)
        request(.watchTelemetry(hub: hub))
    }

    var selectedPane: PaneKind { PaneKind.allCases[tabs.selectedIndex] }

    mutating func selectPane(_ index: Int) {
        tabs.select(index)
        focus = .pane
        if selectedPane == .devices { request(.listDevices) }
        if selectedPane == .twin { twinPaneShown() }
        if selectedPane == .methods { methodsPaneShown() }
        if selectedPane == .routes { loadRouteTester() }
    }

    private mutating func showHelp() {
        overlay = .help(HelpOverlay(sections: helpSections))
    }
}
