import TerminalUI
import WorkspaceStore

extension WorkbenchApp {
    /// Journal kinds after which an open twin is read again: its tags or desired properties
    /// patched, its reported properties updated, or its identity's state (shown in the twin) changed.
    static let twinEventKinds: Set<String> = ["TwinUpdated", "ReportedPropertiesUpdated", "ConnectionChanged", "DeviceUpdated"]

    /// Opens the Twin pane on a device's (or module's) twin and reads it: the entry point for the
    /// Devices pane (`t`).
    public mutating func openTwin(hub: String, deviceId: String, moduleId: String? = nil) {
        let target = TwinTarget(hub: hub, deviceId: deviceId, moduleId: moduleId)
        twinPane.open(target, theme: theme)
        request(.loadTwin(target))
        if page == .lab, let index = PaneKind.allCases.firstIndex(of: .twin) { selectPane(index) }
    }

    /// The Twin pane came into view: the picker needs the hub's devices.
    mutating func twinPaneShown() {
        if twinPane.target == nil { request(.listDevices) }
    }

    mutating func twinDevices(_ rows: [DeviceSummary]) {
        guard let hub = twinPane.target?.hub ?? runner?.lab.hub else { return }
        twinPane.showDevices(rows, hub: hub)
    }

    /// Reads the open twin again when the journal says it changed; the picker's devices are
    /// asked for again by `noteNames` when the registry changed, not on every batch.
    mutating func twinJournal(_ records: [JournalRecord]) {
        guard let target = twinPane.target else { return }
        let changed = records.contains { $0.scope == target.scope && $0.subject == target.subject && Self.twinEventKinds.contains($0.kind) }
        if changed { request(.loadTwin(target)) }
    }

    mutating func receiveTwin(_ message: WorkbenchMessage) {
        switch message {
        case .twinLoaded(let target, let twin, let patch): twinPane.loaded(twin, for: target, patch: patch, theme: theme)
        case .twinRefused(let target, let refusal): twinPane.refused(refusal, for: target, theme: theme)
        default: break
        }
    }

    /// Keys for the Twin pane; false when the pane leaves them to the app (esc).
    mutating func handleTwinPane(_ event: InputEvent, in area: Rect) -> Bool {
        let result = twinPane.handle(event, in: area, theme: theme)
        if let action = result.action { request(action) }
        return result.wasHandled
    }

    static var twinHelp: HelpOverlay.Section {
        HelpOverlay.Section("Twin", [
            KeyHint(label: "enter /", "open a device's twin; filter the devices"),
            KeyHint(.character("i"), "open a twin by id: device or device/module"),
            KeyHint(.control("s"), "send the edit of tags and properties.desired as a patch, with the twin's etag (If-Match)"),
            KeyHint(.control("r"), "read the twin again; with a newer twin waiting, carry your edit onto it"),
            KeyHint(label: "ctrl-f ctrl-t", "pretty / compact layout"), KeyHint(.control("o"), "open another twin"),
            KeyHint(.escape, "back to the instructions (the edit is kept)"),
        ])
    }
}
