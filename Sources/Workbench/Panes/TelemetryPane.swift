import TerminalUI

/// The lab hub's built-in endpoint as `az iot hub monitor-events --properties app` prints it
/// (the same command, run by the session), followed unless paused (`p`/space; `f` follows).
struct TelemetryPane: Sendable {
    private(set) var log = LogView(capacity: 5_000)
    /// The hub watched now; nil when the watch ended (the hub does not exist yet, say).
    private(set) var watching: String?

    mutating func started(hub: String, theme: Theme) {
        watching = hub
        log.append(StyledLine("watching the built-in endpoint of \(hub)…", style: theme.dim))
    }

    mutating func received(_ text: String, theme: Theme) {
        log.append(contentsOf: text.split(separator: "\n").map { StyledLine(String($0), style: theme.text) })
    }

    mutating func ended(_ reason: String, theme: Theme) {
        watching = nil
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        log.append(StyledLine("the watch ended" + (reason.isEmpty ? "" : ": " + reason), style: theme.warning))
    }

    /// Returns false when the pane did not use the key (esc: leave the pane).
    mutating func handle(_ event: InputEvent, in area: Rect) -> Bool {
        if case .key(.escape) = event { return false }
        return log.handle(event, in: area.insetBy(dx: 1, dy: 0)).wasHandled
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        log.render(in: area.insetBy(dx: 1, dy: 0), on: &screen, context: context)
    }

    var keyHints: [KeyHint] { log.keyHints + [KeyHint(.escape, "back")] }
}
