import Foundation
import LabCore
import TerminalUI
import WorkspaceStore

/// The journal as it grows: every event the hub recorded (created, updated, connected, routed),
/// newest at the bottom, followed unless paused; `/` filters by kind, subject or scope.
struct EventsPane: Sendable {
    /// Events kept for the pane; older ones are dropped (the journal itself keeps them all).
    static let capacity = 2_000
    private(set) var records: [JournalRecord] = []
    private(set) var log = LogView(capacity: capacity)
    private(set) var filter = FilterPrompt()

    mutating func append(_ new: [JournalRecord], theme: Theme) {
        records += new
        if records.count > Self.capacity { records.removeFirst(records.count - Self.capacity) }
        log.append(contentsOf: new.filter { filter.matches(Self.text(of: $0)) }.map { Self.line($0, theme: theme) })
    }

    /// Returns false when the pane did not use the key (esc with no filter: leave the pane).
    mutating func handle(_ event: InputEvent, in area: Rect, theme: Theme) -> Bool {
        if case .key(let key) = event, let changed = filter.handle(key) {
            if changed { rebuild(theme: theme) }
            return true
        }
        if case .key(.escape) = event { return false }
        return log.handle(event, in: area.insetBy(dx: 1, dy: 0).splitBottom(1).rest).wasHandled
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let (rest, footer) = area.insetBy(dx: 1, dy: 0).splitBottom(1)
        log.render(in: rest, on: &screen, context: context)
        if filter.isActive {
            screen.fill(footer)
            let used = screen.write("/" + filter.text, at: Point(x: footer.x, y: footer.y), style: context.theme.hotkey, maxWidth: footer.width)
            if filter.isEditing { screen.cursor = Point(x: footer.x + used, y: footer.y) }
        } else {
            screen.write("/ filter", at: Point(x: footer.x, y: footer.y), style: context.theme.dim, maxWidth: footer.width)
        }
    }

    var keyHints: [KeyHint] { [KeyHint(.character("/"), "filter")] + log.keyHints + [KeyHint(.escape, "back")] }

    private mutating func rebuild(theme: Theme) {
        log.clear()
        log.append(contentsOf: records.filter { filter.matches(Self.text(of: $0)) }.map { Self.line($0, theme: theme) })
    }

    static func text(of record: JournalRecord) -> String {
        "\(record.kind) \(record.subject) \(record.scope)"
    }

    static func line(_ record: JournalRecord, theme: Theme) -> StyledLine {
        let time = AzureTimestamp.string(record.time)
        let clock = time.count >= 19 ? String(time.dropFirst(11).prefix(8)) : time
        return StyledLine([
            Span("#\(record.sequence) ", style: theme.dim), Span(clock + " ", style: theme.dim),
            Span(record.kind, style: theme.strong), Span(" " + record.subject), Span("  " + record.scope, style: theme.dim),
        ])
    }
}
