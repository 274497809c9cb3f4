import Foundation
import LabCore
import TerminalUI

/// The device identities of every hub, with connection state, status, authentication and last
/// activity, as the portal's device list shows them; `/` filters.
struct DevicesPane: Sendable {
    private(set) var rows: [DeviceSummary] = []
    private(set) var list = ListView()
    private(set) var hasLoaded = false

    mutating func update(_ rows: [DeviceSummary], theme: Theme) {
        self.rows = rows
        hasLoaded = true
        list.setItems(rows.map { row in
            // ● connected, ○ disconnected (the help overlay says so).
            let state = row.connected ? "●" : "○"
            let activity = row.lastActivity.map { "active " + Self.clock($0) } ?? "no activity"
            var detail = "\(row.authentication)\(row.isEdge ? " · edge" : "")\(row.enabled ? "" : " · disabled") · \(activity)"
            if row.cloudToDeviceQueued > 0 { detail += " · \(row.cloudToDeviceQueued) C2D queued" }
            return ListItem("\(state) \(row.deviceId)", detail: detail, style: row.connected ? theme.success : nil)
        })
    }

    /// Returns false when the pane did not use the key (esc: leave the pane).
    mutating func handle(_ event: InputEvent, in area: Rect) -> Bool {
        if case .key(.escape) = event, !list.filter.isActive { return false }
        return list.handle(event, in: area.insetBy(dx: 1, dy: 0)).wasHandled
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let inside = area.insetBy(dx: 1, dy: 0)
        guard hasLoaded else {
            screen.write("Reading the registry…", at: Point(x: inside.x, y: inside.y), style: context.theme.dim, maxWidth: inside.width)
            return
        }
        if rows.isEmpty {
            screen.write("No device identities yet (az iot hub device-identity create).", at: Point(x: inside.x, y: inside.y), style: context.theme.dim, maxWidth: inside.width)
            return
        }
        list.render(in: inside, on: &screen, context: context)
    }

    var keyHints: [KeyHint] { [KeyHint(.character("/"), "filter"), KeyHint(label: "↑↓", "move"), KeyHint(.escape, "back")] }

    private static func clock(_ date: Date) -> String {
        let text = AzureTimestamp.string(date)
        return text.count >= 19 ? String(text.dropFirst(11).prefix(8)) : text
    }
}
