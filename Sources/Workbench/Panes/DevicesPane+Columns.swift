import TerminalUI

/// The Devices pane's table columns, in the order they are shown; when the pane is too narrow
/// for all, the least important are left out (the selected device's detail still shows them).
enum DeviceColumn: String, CaseIterable, Sendable {
    case device = "DEVICE"
    case hub = "HUB"
    case state = "STATE"
    case enabled = "ENABLED"
    case auth = "AUTH"
    case activity = "ACTIVITY"
    case message = "LAST MESSAGE"
    case queued = "C2D"

    /// Most important first.
    static let priority: [DeviceColumn] = [.device, .state, .activity, .message, .queued, .hub, .enabled, .auth]
    /// The widest a column's cells are shown (a message preview is cut).
    static let widest = 30
    static let gap = 2

    /// The columns that fit in `width` with their widths, in display order; `cells` holds one
    /// cell per column (in `allCases` order) per row.
    static func fitting(cells: [[String]], width: Int) -> [(column: DeviceColumn, width: Int)] {
        var chosen: [DeviceColumn: Int] = [:]
        var used = 0
        for column in priority {
            let index = allCases.firstIndex(of: column) ?? 0
            let needed = min(widest, cells.map { $0[index].displayWidth }.max().map { max($0, column.rawValue.count) } ?? column.rawValue.count)
            let extra = needed + (chosen.isEmpty ? 0 : gap)
            guard used + extra <= width || chosen.isEmpty else { continue }
            chosen[column] = column == .device ? min(needed, max(1, width)) : needed
            used += extra
        }
        return allCases.compactMap { column in chosen[column].map { (column, $0) } }
    }

    /// One row's cells (in `allCases` order) laid out in `columns`.
    static func line(_ cells: [String], _ columns: [(column: DeviceColumn, width: Int)]) -> String {
        columns.map { column, width in
            let index = allCases.firstIndex(of: column) ?? 0
            return cells[index].truncated(toWidth: width).padded(toWidth: width)
        }.joined(separator: String(repeating: " ", count: gap))
    }
}
