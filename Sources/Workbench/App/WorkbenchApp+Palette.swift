import TerminalUI
import WorkspaceStore

/// The `:` command palette: every action of the screen as data built from the app's state (the
/// labs of the catalog, the panes of `PaneKind.allCases`, the runner's keys), each with the key
/// that does the same, so a learner who finds an action by name also learns its key.
extension WorkbenchApp {
    enum PaletteAction: Equatable {
        /// Exactly what pressing the key beside the instructions does.
        case key(Key)
        case pane(Int)
        case openLab(String)
        /// `:lab 2` or `:lab device-telemetry`.
        case labByArgument
        case checkNow
        /// `:az iot hub list` runs in the console.
        case az
    }

    struct PaletteEntry {
        let command: PaletteCommand
        let action: PaletteAction
    }

    /// The actions valid on this page, most used first.
    var paletteEntries: [PaletteEntry] {
        var entries: [PaletteEntry] = []
        if page == .lab, runner != nil {
            for (index, pane) in PaneKind.allCases.enumerated() {
                let key = index < 9 ? String(index + 1) : nil
                entries.append(PaletteEntry(command: PaletteCommand(pane.rawValue.lowercased(), summary: "go to the \(pane.rawValue) pane", key: key), action: .pane(index)))
            }
            entries += [
                PaletteEntry(command: PaletteCommand("hint", summary: "next hint; after the last, the solution (recorded)", key: "h"), action: .key(.character("h"))),
                PaletteEntry(command: PaletteCommand("next", aliases: ["skip"], summary: "next step, or skip it (asks, recorded)", key: "n"), action: .key(.character("n"))),
                PaletteEntry(command: PaletteCommand("reset", summary: "reset the step: progress, hints, solution", key: "r"), action: .key(.character("r"))),
                PaletteEntry(command: PaletteCommand("check", summary: "check now: run the step's checks again"), action: .checkNow),
                PaletteEntry(command: PaletteCommand("az", summary: "run an az command in the console: az iot hub list"), action: .az),
                PaletteEntry(command: PaletteCommand("map", aliases: ["home"], summary: "back to the course map", key: "esc"), action: .key(.escape)),
            ]
        }
        for (index, lab) in catalog.labs.enumerated() {
            entries.append(PaletteEntry(command: PaletteCommand(lab.id, summary: "open lab \(index + 1): \(lab.title)"), action: .openLab(lab.id)))
        }
        entries += [
            PaletteEntry(command: PaletteCommand("lab", summary: "open a lab by number or id: lab 2"), action: .labByArgument),
            PaletteEntry(command: PaletteCommand("help", summary: "every key of this screen", key: "?"), action: .key(.character("?"))),
            PaletteEntry(command: PaletteCommand("quit", summary: "quit the workbench (progress is kept)", key: "q"), action: .key(.character("q"))),
        ]
        return entries
    }

    mutating func openPalette(text: String = "") {
        var palette = CommandPalette(commands: paletteEntries.map(\.command))
        palette.setText(text)
        overlay = .palette(palette)
    }

    mutating func handlePalette(_ palette: CommandPalette, _ event: InputEvent, in area: Rect) -> LoopControl {
        var palette = palette
        switch palette.handle(event, in: area).action {
        case .run(let command, let arguments)?:
            overlay = nil
            guard let entry = paletteEntries.first(where: { $0.command == command }) else { return .continue }
            return perform(entry.action, arguments: arguments, screenSize: Size(width: area.maxX, height: area.maxY))
        case .dismissed?:
            overlay = nil
        case nil:
            overlay = .palette(palette)
        }
        return .continue
    }

    private mutating func perform(_ action: PaletteAction, arguments: [String], screenSize: Size) -> LoopControl {
        switch action {
        case .key(let key):
            if page == .lab { focus = .instructions }
            return handle(.key(key), screenSize: screenSize)
        case .pane(let index):
            selectPane(index)
        case .openLab(let labId):
            openLab(labId)
        case .labByArgument:
            let labs = catalog.labs
            let named = arguments.first.flatMap { word in Int(word).flatMap { labs.indices.contains($0 - 1) ? labs[$0 - 1] : nil } ?? labs.first { $0.id == word } }
            guard let lab = named else {
                openPalette(text: "lab ")
                return .continue
            }
            openLab(lab.id)
        case .checkNow:
            regrade()
        case .az:
            guard let console = PaneKind.allCases.firstIndex(of: .console) else { return .continue }
            selectPane(console)
            var words = arguments
            if words.first == "az" { words.removeFirst() }
            if let line = self.console.submit(words.joined(separator: " ")) { request(.runConsole(line)) }
        }
        return .continue
    }
}

extension WorkbenchApp {
    /// Keeps the console's hub and device names (and the Twin pane's picker) current: a new hub
    /// is named by its event, and a registry change asks for the devices again, once per batch
    /// (the Devices pane, when shown, asks on every batch itself).
    mutating func noteNames(in records: [JournalRecord]) {
        console.addHubs(records.filter { $0.kind == "IotHubCreated" }.map(\.subject))
        if records.contains(where: { ["DeviceCreated", "DeviceDeleted", "DevicesImported"].contains($0.kind) }), !(page == .lab && selectedPane == .devices) {
            request(.listDevices)
        }
    }
}
