import Foundation
import IoTLabApp
import LabCore
import TerminalUI

/// What the Devices pane asks the workbench to do for the selected identity.
enum DeviceAction: Sendable, Equatable {
    /// `s`: simulate the device, from the definition made for it (or ask which).
    case startSimulator(hub: String, deviceId: String)
    /// The learner picked a definition and interval in the pane's form.
    case startTemplate(hub: String, deviceId: String, template: SimulationTemplate, intervalSeconds: Double)
    /// `x`: stop the device's simulation.
    case stopSimulator(hub: String, deviceId: String)
    /// `t`: the device's twin in the twin editor.
    case openTwin(hub: String, deviceId: String, moduleId: String?)
    /// `m`: the device's direct methods and C2D.
    case openMethods(hub: String, deviceId: String)
}

/// The device identities of every hub as a table (k9s' resource view): connection state,
/// whether it is enabled, its authentication, last activity and last message (relative on the
/// workbench's clock), C2D queued, and ▶ for devices a simulated device of this process runs.
/// `/` filters; `s`/`x` start and stop a simulated device, `t`/`m` open its twin or methods.
/// Refreshes keep the selection on the same identity, so rows never jump under the learner.
struct DevicesPane: Sendable {
    /// The newest message the Telemetry pane saw from a device.
    struct LastMessage: Sendable, Equatable {
        var time: Date
        var preview: String
    }

    /// The form that asks which definition to simulate a device with, and how often it sends.
    struct SimulatorPicker: Sendable {
        var hub: String
        var deviceId: String
        var templates: [SimulationTemplate]
        var form: Form
    }

    private(set) var rows: [DeviceSummary] = []
    private(set) var list = ListView()
    private(set) var hasLoaded = false
    /// By `DeviceSummary.key`.
    private(set) var lastMessages: [String: LastMessage] = [:]
    private(set) var picker: SimulatorPicker?
    static let previewLength = 40

    mutating func update(_ rows: [DeviceSummary], theme: Theme) {
        self.rows = rows
        hasLoaded = true
        // The item text is the identity (stable across refreshes, so the list keeps the
        // selection on it); the detail carries what else `/` matches.
        list.setItems(rows.map { row in
            ListItem("\(row.deviceId) \(row.hub)", detail: "\(row.authentication) \(row.simulator.map { "simulated " + $0 } ?? "")")
        })
    }

    /// Keeps each device's newest message from a batch of `hub`'s endpoint events.
    mutating func noteMessages(_ events: [TelemetryEvent], hub: String) {
        var newest: [String: TelemetryEvent] = [:]
        for event in events where !event.deviceId.isEmpty { newest[event.deviceId] = event }
        for (deviceId, event) in newest {
            let body = String(decoding: event.event.message.body.prefix(Self.previewLength * 4), as: UTF8.self)
            let preview = body.split(whereSeparator: \.isNewline).joined(separator: " ")
            lastMessages[hub + "/" + deviceId] = LastMessage(time: event.event.enqueuedTime, preview: String(preview.prefix(Self.previewLength)))
        }
    }

    /// Asks which definition to start on `deviceId` (none is made for it) and how often it sends.
    mutating func askTemplate(hub: String, deviceId: String, templates: [SimulationTemplate]) {
        guard let first = templates.first else { return }
        picker = SimulatorPicker(hub: hub, deviceId: deviceId, templates: templates, form: Form(fields: [
            FormField(name: "template", label: "Definition", kind: .choice(templates.map(\.name)), value: first.name),
            FormField(name: "interval", label: "Interval (s)", value: Self.seconds(first.intervalSeconds), isRequired: true),
        ]))
    }

    var selected: DeviceSummary? {
        list.selectedIndex.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }

    /// Returns whether the pane used the event (esc with no filter leaves the pane), and what
    /// the workbench should do for the selected device.
    mutating func handle(_ event: InputEvent, in area: Rect) -> (used: Bool, action: DeviceAction?) {
        if picker != nil { return (true, handlePicker(event, in: area)) }
        let table = tableArea(area)
        if !list.filter.isEditing, case .key(.character(let key)) = event, let selected, let action = Self.action(for: key, on: selected) {
            return (true, action)
        }
        if case .mouse(let mouse) = event, mouse.kind == .click, table.rows.contains(mouse.position) {
            let visible = list.visibleIndices
            let position = top(visible: visible, height: table.rows.height) + mouse.position.y - table.rows.y
            if position < visible.count { list.select(visible[position]) }
            return (true, nil)
        }
        if case .key(.escape) = event, !list.filter.isActive { return (false, nil) }
        return (list.handle(event, in: table.rows).wasHandled, nil)
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext, now: Date) {
        let inside = area.insetBy(dx: 1, dy: 0)
        let theme = context.theme
        if let picker {
            screen.write("Simulate \(picker.deviceId) on \(picker.hub)", at: Point(x: inside.x, y: inside.y), style: theme.heading, maxWidth: inside.width)
            screen.write("No definition is made for it: pick one.", at: Point(x: inside.x, y: inside.y + 1), style: theme.dim, maxWidth: inside.width)
            picker.form.render(in: Rect(x: inside.x, y: inside.y + 3, width: inside.width, height: max(0, inside.height - 3)), on: &screen, context: context)
            return
        }
        guard hasLoaded else {
            screen.write("Reading the registry…", at: Point(x: inside.x, y: inside.y), style: theme.dim, maxWidth: inside.width)
            return
        }
        if rows.isEmpty {
            screen.write("No device identities yet (az iot hub device-identity create).", at: Point(x: inside.x, y: inside.y), style: theme.dim, maxWidth: inside.width)
            return
        }
        let table = tableArea(area)
        let rowCells = rows.map { cells(for: $0, now: now) }
        let columns = DeviceColumn.fitting(cells: rowCells, width: table.rows.width - 4)
        screen.write("    " + DeviceColumn.line(DeviceColumn.allCases.map(\.rawValue), columns), at: Point(x: table.header.x, y: table.header.y), style: theme.heading, maxWidth: table.header.width)
        let visible = list.visibleIndices
        let first = top(visible: visible, height: table.rows.height)
        for (row, index) in visible.dropFirst(first).prefix(table.rows.height).enumerated() {
            let device = rows[index]
            let y = table.rows.y + row
            let isSelected = index == list.selectedIndex
            let base = isSelected ? (context.isFocused ? theme.selection : theme.inactiveSelection) : (device.connected ? theme.success : theme.text)
            if isSelected { screen.fill(Rect(x: table.rows.x, y: y, width: table.rows.width, height: 1), style: base) }
            let marks = (device.connected ? "● " : "○ ") + (device.simulator == nil ? "  " : "▶ ")
            screen.write(marks + DeviceColumn.line(rowCells[index], columns), at: Point(x: table.rows.x, y: y), style: base, maxWidth: table.rows.width)
        }
        if visible.isEmpty {
            screen.write("no match for \"\(list.filter.text)\"", at: Point(x: table.rows.x, y: table.rows.y), style: theme.dim, maxWidth: table.rows.width)
        }
        renderFooter(table.footer, on: &screen, theme: theme, count: visible.count)
        if let selected, table.detail.height > 0 { renderDetail(of: selected, in: table.detail, on: &screen, theme: theme, now: now) }
    }

    var keyHints: [KeyHint] {
        if let picker { return picker.form.keyHints }
        if list.filter.isEditing { return list.keyHints }
        return [
            KeyHint(.character("s"), "simulate"), KeyHint(.character("x"), "stop"), KeyHint(.character("t"), "twin"),
            KeyHint(.character("m"), "methods"), KeyHint(.character("/"), "filter"), KeyHint(.escape, "back"),
        ]
    }

    // MARK: Private

    private static func action(for key: Character, on device: DeviceSummary) -> DeviceAction? {
        switch key {
        case "s": .startSimulator(hub: device.hub, deviceId: device.deviceId)
        case "x": .stopSimulator(hub: device.hub, deviceId: device.deviceId)
        case "t": .openTwin(hub: device.hub, deviceId: device.deviceId, moduleId: nil)
        case "m": .openMethods(hub: device.hub, deviceId: device.deviceId)
        default: nil
        }
    }

    private mutating func handlePicker(_ event: InputEvent, in area: Rect) -> DeviceAction? {
        guard var current = picker else { return nil }
        switch current.form.handle(event, in: area).action {
        case .cancelled?:
            picker = nil
        case .submitted(let values)?:
            guard let seconds = Double(values["interval"] ?? ""), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
                current.form.setError("Must be > 0 and ≤ 86400 seconds.", forField: "interval")
                picker = current
                return nil
            }
            picker = nil
            guard let template = current.templates.first(where: { $0.name == values["template"] }) else { return nil }
            return .startTemplate(hub: current.hub, deviceId: current.deviceId, template: template, intervalSeconds: seconds)
        case nil:
            picker = current
        }
        return nil
    }

    private func cells(for row: DeviceSummary, now: Date) -> [String] {
        let message = lastMessages[row.key].map { Self.relative($0.time, now: now) + " " + $0.preview } ?? "-"
        return DeviceColumn.allCases.map { column in
            switch column {
            case .device: row.deviceId + (row.isEdge ? " (edge)" : "")
            case .hub: row.hub
            case .state: row.connected ? "connected" : "disconnected"
            case .enabled: row.enabled ? "enabled" : "disabled"
            case .auth: row.authentication
            case .activity: row.lastActivity.map { Self.relative($0, now: now) } ?? "-"
            case .message: message
            case .queued: String(row.cloudToDeviceQueued)
            }
        }
    }

    private func renderFooter(_ footer: Rect, on screen: inout Screen, theme: Theme, count: Int) {
        guard footer.height > 0 else { return }
        screen.fill(footer)
        if list.filter.isActive {
            let used = screen.write("/" + list.filter.text, at: Point(x: footer.x, y: footer.y), style: theme.hotkey, maxWidth: footer.width / 2)
            if list.filter.isEditing { screen.cursor = Point(x: footer.x + used, y: footer.y) }
        }
        let counter = count == rows.count ? "\(rows.count) devices" : "\(count) of \(rows.count) devices"
        screen.write(counter, at: Point(x: footer.maxX - counter.displayWidth - 1, y: footer.y), style: theme.dim)
    }

    /// Everything about the selected device, whatever columns fit: the pane is often narrow.
    private func renderDetail(of device: DeviceSummary, in area: Rect, on screen: inout Screen, theme: Theme, now: Date) {
        let activity = device.lastActivity.map { "last activity " + Self.relative($0, now: now) } ?? "no activity yet"
        let message = lastMessages[device.key].map { "last message " + Self.relative($0.time, now: now) + ": " + $0.preview } ?? "no message seen"
        let simulation = device.simulator.map { "▶ simulated by \($0) (x stops)" } ?? "not simulated (s starts a simulated device)"
        let lines = [
            StyledLine([Span(device.deviceId, style: theme.strong), Span(" · \(device.connected ? "connected" : "disconnected") · \(device.enabled ? "enabled" : "disabled") · \(device.authentication)")]),
            StyledLine("hub \(device.hub) · \(device.cloudToDeviceQueued) C2D queued", style: theme.text),
            StyledLine(activity, style: theme.text),
            StyledLine(message, style: theme.text),
            StyledLine(simulation, style: device.simulator == nil ? theme.dim : theme.success),
        ]
        for (row, line) in lines.prefix(area.height).enumerated() {
            screen.write(line, at: Point(x: area.x, y: area.y + row), maxWidth: area.width)
        }
    }

    /// The header row, the rows, the filter/counter row, then the selected device's detail.
    private func tableArea(_ area: Rect) -> (header: Rect, rows: Rect, footer: Rect, detail: Rect) {
        let inside = area.insetBy(dx: 1, dy: 0)
        let detailHeight = inside.height >= 14 ? 6 : 0
        let (table, detail) = inside.splitBottom(detailHeight)
        let (header, rest) = table.splitTop(1)
        let (rowsArea, footer) = rest.splitBottom(rest.height > 1 ? 1 : 0)
        return (header, rowsArea, footer, detail.splitTop(detailHeight > 0 ? 1 : 0).rest)
    }

    /// The first row shown: the least scrolling that keeps the selection in view.
    private func top(visible: [Int], height: Int) -> Int {
        let position = list.selectedIndex.flatMap { visible.firstIndex(of: $0) } ?? 0
        return max(0, position - max(1, height) + 1)
    }

    /// `now`, `12s ago`, `5m ago`, `3h ago`, `2d ago`.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        switch seconds {
        case ..<1: return "now"
        case ..<60: return "\(seconds)s ago"
        case ..<3_600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3_600)h ago"
        default: return "\(seconds / 86_400)d ago"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
