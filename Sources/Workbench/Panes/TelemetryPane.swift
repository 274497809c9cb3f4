import AzConsole
import Foundation
import TerminalUI

/// The lab hub's built-in endpoint, each event printed as `az iot hub monitor-events
/// --properties app` prints it, followed unless paused (`p`/space; `f` follows), with a
/// sparkline of a numeric body field above the stream (`g` picks which).
///
/// Events arrive in batches read off the frame loop; the pane keeps a bounded number of them,
/// so a filter or the properties toggle re-renders from what it kept, and formats at most
/// `formattedPerBatch` events of a batch: under a flood of thousands a second only the newest
/// can be read anyway, and a line says how many went by unprinted.
struct TelemetryPane: Sendable {
    static let eventCapacity = 2_000
    static let formattedPerBatch = 200
    static let sampleCapacity = 512
    /// Rows the line chart takes when the pane is tall enough for it and the stream.
    static let chartRows = 6

    private(set) var log = LogView(capacity: 5_000)
    /// The hub watched now; nil when the watch ended (the hub does not exist yet, say).
    private(set) var watching: String?
    private(set) var events: [TelemetryEvent] = []
    /// `/`: the events of devices whose id contains the text.
    private(set) var filter = FilterPrompt()
    /// `d`: only this device's events.
    private(set) var device: String?
    private(set) var devicesSeen: [String] = []
    /// `o`: the application properties shown with each event, as `--properties app`.
    private(set) var showsProperties = true
    /// Numeric body fields seen, in the order first seen; `g` walks them.
    private(set) var fields: [String] = []
    /// The field charted; the first numeric field seen until the learner picks.
    private(set) var field: String?
    private var fieldPicked = false
    private(set) var sparkline = Sparkline(capacity: sampleCapacity)
    private(set) var chart = LineChart(capacity: sampleCapacity)
    /// The chart as it stood when the stream was paused, shown until it follows again: a pause
    /// freezes the whole pane, as htop's does, while values keep being kept.
    private var frozenChart: (sparkline: Sparkline, chart: LineChart)?
    private var theme = Theme.standard

    mutating func started(hub: String, theme: Theme) {
        self.theme = theme
        if watching != hub, !events.isEmpty { forget() }
        watching = hub
        log.append(StyledLine("watching the built-in endpoint of \(hub)…", style: theme.dim))
    }

    mutating func received(_ batch: [TelemetryEvent]) {
        events += batch
        if events.count > 2 * Self.eventCapacity { events.removeFirst(events.count - Self.eventCapacity) }
        for event in batch {
            if !event.deviceId.isEmpty, !devicesSeen.contains(event.deviceId) { devicesSeen.append(event.deviceId) }
            for number in event.numbers where !fields.contains(number.name) { fields.append(number.name) }
        }
        if field == nil, !fieldPicked { field = fields.first }
        show(batch.filter(shows))
    }

    mutating func ended(_ reason: String, theme: Theme) {
        watching = nil
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        log.append(StyledLine("the watch ended" + (reason.isEmpty ? "" : ": " + reason), style: theme.warning))
    }

    /// Returns false when the pane did not use the key (esc with no filter: leave the pane).
    mutating func handle(_ event: InputEvent, in area: Rect) -> Bool {
        if case .key(let key) = event, let changed = filter.handle(key) {
            if changed { rebuild() }
            return true
        }
        switch event {
        case .key(.character("d")):
            device = Self.next(after: device, in: devicesSeen)
            rebuild()
        case .key(.character("o")):
            showsProperties.toggle()
            rebuild()
        case .key(.character("g")):
            fieldPicked = true
            field = Self.next(after: field, in: fields)
            rebuild()
        case .key(.escape):
            return false
        default:
            let handled = log.handle(event, in: layout(area).stream).wasHandled
            freezeChartWithStream()
            return handled
        }
        return true
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let parts = layout(area)
        let theme = context.theme
        let deviceText = device ?? (filter.text.isEmpty ? "all devices" : "devices matching \"\(filter.text)\"")
        let status = "\(deviceText) (d) · properties \(showsProperties ? "on" : "off") (o) · chart \(field ?? "off") (g)"
        screen.write(status, at: Point(x: parts.status.x, y: parts.status.y), style: theme.dim, maxWidth: parts.status.width)
        if let field, parts.chart.height > 0 { renderChart(of: field, in: parts.chart, on: &screen, context: context) }
        log.render(in: parts.stream, on: &screen, context: context)
        if filter.isActive {
            screen.fill(parts.footer)
            let used = screen.write("/" + filter.text, at: Point(x: parts.footer.x, y: parts.footer.y), style: theme.hotkey, maxWidth: parts.footer.width)
            if filter.isEditing { screen.cursor = Point(x: parts.footer.x + used, y: parts.footer.y) }
        }
    }

    var keyHints: [KeyHint] {
        if filter.isEditing { return [KeyHint(.enter, "keep filter"), KeyHint(.escape, "clear filter")] }
        return [KeyHint(.character("d"), "device"), KeyHint(.character("/"), "filter"), KeyHint(.character("o"), "properties"), KeyHint(.character("g"), "chart")]
            + log.keyHints + [KeyHint(.escape, "back")]
    }

    // MARK: Private

    /// The charted field's name with its last, smallest and largest kept value, the sparkline,
    /// and the line chart when there is room.
    private func renderChart(of field: String, in area: Rect, on screen: inout Screen, context: RenderContext) {
        let (sparkline, chart) = frozenChart ?? (sparkline, chart)
        let values = sparkline.values
        let summary: String
        if let last = values.last, let low = values.min(), let high = values.max() {
            summary = "\(field)  last \(Self.number(last))  min \(Self.number(low))  max \(Self.number(high))"
        } else {
            summary = "\(field)  no values yet"
        }
        screen.write(summary, at: Point(x: area.x, y: area.y), style: context.theme.heading, maxWidth: area.width)
        guard area.height > 1 else { return }
        sparkline.render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), on: &screen, context: context)
        if area.height > 2 {
            chart.render(in: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2), on: &screen, context: context)
        }
    }

    private func shows(_ event: TelemetryEvent) -> Bool {
        (device == nil || event.deviceId == device) && filter.matches(event.deviceId)
    }

    /// Appends the events' lines (the newest `formattedPerBatch` of them) and chart values.
    private mutating func show(_ shown: [TelemetryEvent]) {
        if let field {
            let values = shown.compactMap { $0.number(field) }
            sparkline.append(contentsOf: values)
            chart.append(contentsOf: values)
        }
        let skipped = shown.count - Self.formattedPerBatch
        if skipped > 0 {
            log.append(StyledLine("… \(skipped) events went by unprinted (p pauses)", style: theme.dim))
        }
        let properties: Set<String> = showsProperties ? ["app"] : []
        var lines: [StyledLine] = []
        for event in shown.suffix(Self.formattedPerBatch) {
            for line in AzConsole.monitorEventText(event.event, properties: properties).split(separator: "\n") {
                lines.append(StyledLine(String(line), style: theme.text))
            }
        }
        log.append(contentsOf: lines)
    }

    /// After the filter, device, properties or field changed: the kept events again.
    private mutating func rebuild() {
        log.clear()
        sparkline = Sparkline(capacity: Self.sampleCapacity)
        chart = LineChart(capacity: Self.sampleCapacity)
        show(events.filter(shows))
        // A new view asked for while paused is shown at once, then frozen again.
        if frozenChart != nil { frozenChart = (sparkline, chart) }
    }

    /// Freezes the chart when the stream was just paused, and lets it move when it follows again.
    private mutating func freezeChartWithStream() {
        if !log.isPaused {
            frozenChart = nil
        } else if frozenChart == nil {
            frozenChart = (sparkline, chart)
        }
    }

    private mutating func forget() {
        events = []
        devicesSeen = []
        fields = []
        field = nil
        fieldPicked = false
        rebuild()
    }

    /// Rows: the status line, the chart (when a field is charted), the stream, the filter row.
    private func layout(_ area: Rect) -> (status: Rect, chart: Rect, stream: Rect, footer: Rect) {
        let inside = area.insetBy(dx: 1, dy: 0)
        let (status, rest) = inside.splitTop(1)
        let chartHeight = field == nil ? 0 : (rest.height >= 20 ? 2 + Self.chartRows : min(2, max(0, rest.height - 4)))
        let (chart, below) = rest.splitTop(chartHeight)
        let (stream, footer) = below.splitBottom(filter.isActive ? 1 : 0)
        return (status, chart, stream, footer)
    }

    /// The next of `options` after `current`, then none, then the first again.
    private static func next(after current: String?, in options: [String]) -> String? {
        guard let current, let index = options.firstIndex(of: current) else { return options.first }
        return options.indices.contains(index + 1) ? options[index + 1] : nil
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
