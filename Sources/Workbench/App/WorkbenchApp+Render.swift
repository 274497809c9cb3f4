import Courseware
import TerminalUI

extension WorkbenchApp {
    public func render(on screen: inout Screen) {
        let first = WorkbenchLayout(size: screen.size, page: page)
        let checkWidth = max(1, first.checks.width - 2)
        let checkRows = runner.map { CheckList.lines(for: $0.step, results: $0.results, width: checkWidth, theme: theme).count } ?? 0
        let layout = WorkbenchLayout(size: screen.size, page: page, checkRows: checkRows)
        let context = RenderContext(theme: theme, isFocused: true)
        renderTitle(layout.title, on: &screen)
        switch page {
        case .home: renderHome(layout, on: &screen, context: context)
        case .lab: renderLab(layout, on: &screen, context: context)
        }
        KeyHintBar(hints: keyHints).render(in: layout.keyBar, on: &screen, context: context)
        switch overlay {
        case .help(let help)?: help.render(in: layout.screen, on: &screen, context: context)
        case .confirmQuit(let dialog)?, .confirmSkip(let dialog)?: dialog.render(in: layout.screen, on: &screen, context: context)
        case .palette(let palette)?: palette.render(in: layout.screen, on: &screen, context: context)
        case nil: break
        }
    }

    private func renderTitle(_ area: Rect, on screen: inout Screen) {
        screen.fill(area, style: theme.selection)
        var title = " iotlab workbench"
        if page == .lab, let runner { title += " · \(runner.lab.title)" }
        let used = screen.write(title, at: Point(x: area.x, y: area.y), style: theme.selection.adding(.bold), maxWidth: area.width)
        if let status {
            screen.write("  " + status, at: Point(x: area.x + used, y: area.y), style: theme.selection, maxWidth: area.width - used)
        }
    }

    private func renderHome(_ layout: WorkbenchLayout, on screen: inout Screen, context: RenderContext) {
        let list = screen.drawPanel(layout.left, title: "Course map · AZ-220", context: context)
        courseMap.render(in: list, on: &screen, context: context)
        let side = screen.drawPanel(layout.right, title: "Your hub's endpoints", context: context.unfocused)
        let lines = connections.map { StyledLine($0) }.flatMap { $0.wrapped(toWidth: max(1, side.width - 1), indent: 2) }
        for (row, line) in lines.prefix(side.height).enumerated() {
            screen.write(line, at: Point(x: side.x + 1, y: side.y + row), maxWidth: side.width - 1)
        }
    }

    private func renderLab(_ layout: WorkbenchLayout, on screen: inout Screen, context: RenderContext) {
        guard let runner else { return }
        let leftFocused = focus == .instructions
        let stepTitle = "Step \(runner.stepIndex + 1)/\(runner.lab.steps.count): \(runner.step.title)"
        screen.drawPanel(layout.left, title: stepTitle, context: leftFocused ? context : context.unfocused)
        var text = layout.instructions
        if let notice = runner.notice, text.height > 2 {
            screen.write(notice, at: Point(x: text.x + 1, y: text.y), style: runner.stepPassed ? theme.success : theme.warning, maxWidth: text.width - 1)
            text = text.splitTop(1).rest
        }
        runner.instructions.render(in: text.insetBy(dx: 1, dy: 0), on: &screen, context: context)
        let checks = layout.checks
        if checks.height > 0 {
            let done = runner.stepPassed ? " ✓ passed" : ""
            screen.write("Checks\(done)", at: Point(x: checks.x + 1, y: checks.y), style: runner.stepPassed ? theme.success : theme.heading, maxWidth: checks.width - 1)
            let lines = CheckList.lines(for: runner.step, results: runner.results, width: max(1, checks.width - 2), theme: theme)
            for (row, line) in lines.prefix(checks.height - 1).enumerated() {
                screen.write(line, at: Point(x: checks.x + 1, y: checks.y + 1 + row), maxWidth: checks.width - 2)
            }
        }
        let paneContext = leftFocused ? context.unfocused : context
        screen.drawPanel(layout.right, title: "Live", context: paneContext)
        tabs.render(in: layout.tabs, on: &screen, context: paneContext)
        switch selectedPane {
        case .console: console.render(in: layout.pane, on: &screen, context: paneContext)
        case .events: events.render(in: layout.pane, on: &screen, context: paneContext)
        case .devices: devices.render(in: layout.pane, on: &screen, context: paneContext, now: clock.now())
        case .telemetry: telemetry.render(in: layout.pane, on: &screen, context: paneContext)
        case .twin: twinPane.render(in: layout.pane, on: &screen, context: paneContext)
        case .methods: methodsPane.render(in: layout.pane, on: &screen, context: paneContext)
        case .routes: routeTester.render(in: layout.pane, on: &screen, context: paneContext)
        }
        if leftFocused { screen.cursor = nil }
    }

    /// The keys valid here, most useful first, for the bottom bar.
    var keyHints: [KeyHint] {
        if case .palette(let palette)? = overlay { return palette.keyHints }
        switch page {
        case .home:
            return [KeyHint(.enter, "open lab"), KeyHint(.character("/"), "filter"), KeyHint(label: "↑↓", "move"), KeyHint(.character(":"), "commands"), KeyHint(.character("q"), "quit")]
        case .lab where focus == .pane:
            switch selectedPane {
            case .console: return console.keyHints
            case .events: return events.keyHints
            case .devices: return devices.keyHints
            case .telemetry: return telemetry.keyHints
            case .twin: return twinPane.keyHints
            case .methods: return methodsPane.keyHints
            case .routes: return routeTester.keyHints
            }
        case .lab:
            return [
                KeyHint(.character("h"), "hint"), KeyHint(.character("n"), "next step"), KeyHint(.character("r"), "reset step"),
                KeyHint(.tab, "panes", label: "tab/1-\(PaneKind.allCases.count)"), KeyHint(.escape, "course map"), KeyHint(.character(":"), "commands"), KeyHint(.character("q"), "quit"),
            ]
        }
    }

    var helpSections: [HelpOverlay.Section] {
        [
            HelpOverlay.Section("Course map", [
                KeyHint(.enter, "open the lab (or continue where you left off)"), KeyHint(.character("/"), "filter the labs"),
                KeyHint(label: "↑↓ j k", "move"), KeyHint(.character("q"), "quit"),
            ]),
            HelpOverlay.Section("Lab runner", [
                KeyHint(.character("h"), "next hint; after the last, the solution (recorded)"),
                KeyHint(.character("n"), "next step once the checks pass (otherwise asks to skip; recorded)"),
                KeyHint(.character("r"), "reset the step: its progress, hints and solution"),
                KeyHint(label: "↑↓ pgup pgdn", "scroll the instructions"),
                KeyHint(label: "tab 1-\(PaneKind.allCases.count)", "go to the live panes: " + PaneKind.allCases.map(\.rawValue).joined(separator: ", ")),
                KeyHint(.escape, "back to the course map"), KeyHint(.character("q"), "quit (asks first)"),
            ]),
            HelpOverlay.Section("Console", [
                KeyHint(.enter, "run the az command"), KeyHint(label: "↑↓", "history"), KeyHint(.tab, "complete the command, its flags, hub and device names"),
                KeyHint(.escape, "back to the instructions"),
            ]),
            HelpOverlay.Section("Events", [
                KeyHint(.character("/"), "filter by kind, device or hub"), KeyHint(label: "p space", "pause"), KeyHint(label: "f G", "follow"),
                KeyHint(.escape, "back to the instructions"),
            ]),
            HelpOverlay.Section("Devices (● connected, ○ disconnected, ▶ simulated)", [
                KeyHint(.character("s"), "simulate the device (its lab's definition, or pick one)"), KeyHint(.character("x"), "stop its simulation"),
                KeyHint(.character("t"), "open its twin"), KeyHint(.character("m"), "open its methods"),
                KeyHint(.character("/"), "filter"), KeyHint(label: "↑↓", "move"), KeyHint(.escape, "back to the instructions"),
            ]),
            HelpOverlay.Section("Telemetry", [
                KeyHint(.character("d"), "one device, the next, or all"), KeyHint(.character("/"), "filter by device"),
                KeyHint(.character("o"), "application properties on/off"), KeyHint(.character("g"), "chart the next numeric field"),
                KeyHint(label: "p space", "pause"), KeyHint(label: "f G", "follow"), KeyHint(label: "↑↓ pgup pgdn", "scroll"),
                KeyHint(.escape, "back to the instructions"),
            ]),
            Self.twinHelp,
            Self.methodsHelp,
            HelpOverlay.Section("Routes (the route tester)", [
                KeyHint(.control("r"), "test the message on the selected route, or on all routes of a source"),
                KeyHint(label: "e →", "compose the message: body, app properties, content type, the device whose twin is read"),
                KeyHint(label: "tab ← →", "in the composer: next field, choose"), KeyHint(label: "pgup pgdn", "scroll the result"),
                KeyHint(.escape, "composer → routes → back to the instructions"),
            ]),
            HelpOverlay.Section("Anywhere", [
                KeyHint(.character(":"), "command palette: type any part of an action (tele → Telemetry pane), or az ... to run a command"),
                KeyHint(.control("l"), "redraw"), KeyHint(.character("?"), "this help"),
            ]),
        ]
    }
}
