import Foundation
import HubEngine
import JSONValue
import TerminalUI

/// The route tester: the lab hub's routes grouped by source (each source first as "all its
/// routes"), a message composer (body, application properties, content type and encoding, the
/// device whose twin `$twin` reads), and what the hub's routing engine decided for it: each
/// route's trace, the fallback route applied or not, and the enriched copy each endpoint gets.
///
/// The pane never evaluates a route: `ctrl-r` (or `enter` on a route, `ctrl-s` in the composer)
/// asks the hub (`IoTHub.routeTestReport`), the same code that routes every ingested message.
struct RouteTesterPane: Sendable {
    /// Which half of the pane has the keys.
    enum Part: Sendable, Equatable {
        case routes
        case composer
    }

    /// A test to run: what to try, the message, and whose twin.
    struct Test: Sendable, Equatable {
        var target: RouteTestTarget
        var message: RouteTestMessage
        var deviceId: String?
    }

    enum Outcome: Sendable, Equatable {
        /// The pane did not use the key (esc or tab on the route list: leave the pane).
        case ignored
        case handled
        case run(Test)
    }

    static let noneChoice = "(none)"
    static let contentTypes = ["application/json", "text/plain", noneChoice]
    static let contentEncodings = ["utf-8", "utf-16", "utf-32", noneChoice]

    private(set) var snapshot: RouteTesterSnapshot?
    /// What each row of `list` tests, by the row's index.
    private(set) var entries: [RouteTestTarget] = []
    private(set) var list = ListView()
    private(set) var form = RouteTesterPane.makeForm(deviceIds: [], values: [:])
    private(set) var result = TextView(.lines([]))
    private(set) var part = Part.routes
    private(set) var report: RouteTestReport?
    /// The test asked for and not yet answered.
    private(set) var running: Test?

    /// Takes the hub's routes and devices: the list is rebuilt (keeping the selected row), and
    /// the composer's device choice follows the registry, keeping what was typed.
    mutating func update(_ snapshot: RouteTesterSnapshot, theme: Theme) {
        if self.snapshot?.deviceIds != snapshot.deviceIds {
            var values = form.values
            // Until the registry was read there was no device to choose: default to the first.
            if self.snapshot?.deviceIds.isEmpty ?? true { values["device"] = nil }
            form = Self.makeForm(deviceIds: snapshot.deviceIds, values: values)
        }
        self.snapshot = snapshot
        var entries: [RouteTestTarget] = []
        var items: [ListItem] = []
        for source in RoutingSource.allCases {
            let routes = snapshot.routes.filter { $0.source == source }
            guard !routes.isEmpty || source == .deviceMessages else { continue }
            entries.append(.source(source))
            items.append(ListItem("All \(source.rawValue) (\(routes.count))", style: theme.strong))
            for route in routes {
                entries.append(.route(route.name))
                items.append(ListItem(" " + route.name, detail: route.isEnabled ? nil : "off", style: route.isEnabled ? nil : theme.dim))
            }
        }
        self.entries = entries
        list.setItems(items)
    }

    /// Shows what the hub decided for the message.
    mutating func show(_ report: RouteTestReport, theme: Theme) {
        running = nil
        self.report = report
        result.setContent(.lines(Self.lines(for: report, theme: theme)))
    }

    /// Shows why the hub refused the test.
    mutating func showFailure(_ refusal: HubRefusal, theme: Theme) {
        running = nil
        report = nil
        result.setContent(.lines([StyledLine("✗ \(refusal)", style: theme.error)]))
    }

    mutating func handle(_ event: InputEvent, in area: Rect) -> Outcome {
        let layout = Layout(area)
        switch event {
        case .key(.control("r")):
            return run()
        case .key(.pageUp), .key(.pageDown):
            _ = result.handle(event, in: layout.result)
            return .handled
        case .mouse(let mouse) where layout.result.contains(mouse.position):
            _ = result.handle(event, in: layout.result)
            return .handled
        case .mouse(let mouse) where layout.list.contains(mouse.position):
            part = .routes
        case .mouse(let mouse) where layout.form.contains(mouse.position):
            part = .composer
            return .handled
        default:
            break
        }
        switch part {
        case .routes: return handleRoutes(event, layout: layout)
        case .composer: return handleComposer(event, layout: layout)
        }
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let layout = Layout(area)
        let theme = context.theme
        guard let snapshot else {
            screen.write("Reading the hub's routes…", at: Point(x: layout.inside.x, y: layout.inside.y), style: theme.dim, maxWidth: layout.inside.width)
            return
        }
        if let unavailable = snapshot.unavailable {
            let lines = [StyledLine("No routes to test: the hub \(snapshot.hub) cannot be read yet.", style: theme.warning), StyledLine(unavailable, style: theme.dim)]
            for (row, line) in lines.flatMap({ $0.wrapped(toWidth: max(1, layout.inside.width)) }).prefix(layout.inside.height).enumerated() {
                screen.write(line, at: Point(x: layout.inside.x, y: layout.inside.y + row), maxWidth: layout.inside.width)
            }
            return
        }
        let routesFocused = context.isFocused && part == .routes
        let composerFocused = context.isFocused && part == .composer
        screen.write("Routes · \(snapshot.hub)", at: Point(x: layout.listTitle.x, y: layout.listTitle.y), style: routesFocused ? theme.hotkey : theme.heading, maxWidth: layout.listTitle.width)
        list.render(in: layout.list, on: &screen, context: RenderContext(theme: theme, isFocused: routesFocused))
        screen.write("Message", at: Point(x: layout.formTitle.x, y: layout.formTitle.y), style: composerFocused ? theme.hotkey : theme.heading, maxWidth: layout.formTitle.width)
        form.render(in: layout.form, on: &screen, context: RenderContext(theme: theme, isFocused: composerFocused))
        let status = running != nil ? "Result · testing…" : (report == nil ? "Result · ctrl-r tests the message" : "Result")
        screen.write(status, at: Point(x: layout.resultTitle.x, y: layout.resultTitle.y), style: theme.heading, maxWidth: layout.resultTitle.width)
        result.render(in: layout.result, on: &screen, context: context)
    }

    var keyHints: [KeyHint] {
        switch part {
        case .routes where list.filter.isEditing:
            return list.keyHints
        case .routes:
            return [
                KeyHint(.control("r"), "test"), KeyHint(.character("e"), "compose"), KeyHint(.character("/"), "filter"),
                KeyHint(label: "pgup pgdn", "scroll result"), KeyHint(.escape, "back"),
            ]
        case .composer:
            return [KeyHint(.control("r"), "test"), KeyHint(.tab, "next field"), KeyHint(label: "← →", "choose"), KeyHint(.escape, "routes")]
        }
    }

    // MARK: Private

    private mutating func handleRoutes(_ event: InputEvent, layout: Layout) -> Outcome {
        if case .key(let key) = event, !list.filter.isEditing {
            switch key {
            case .escape where !list.filter.isActive, .tab: return .ignored
            case .character("e"), .right:
                part = .composer
                return .handled
            default: break
            }
        }
        switch list.handle(event, in: layout.list) {
        case .action(.activated): return run()
        case .ignored: return .ignored
        default: return .handled
        }
    }

    private mutating func handleComposer(_ event: InputEvent, layout: Layout) -> Outcome {
        switch form.handle(event, in: layout.form) {
        case .action(.submitted): return run()
        case .action(.cancelled): part = .routes
        default: break
        }
        // Every other key stays in the composer: a letter typed here is never a command.
        return .handled
    }

    /// The selected entry tested with the composed message, or the composer's error at its field.
    private mutating func run() -> Outcome {
        guard let snapshot, snapshot.unavailable == nil, let index = list.selectedIndex, entries.indices.contains(index) else { return .handled }
        let values = form.values
        var message = RouteTestMessage(body: Array((values["body"] ?? "").utf8))
        do {
            message.applicationProperties = try Self.properties(values["properties"] ?? "")
        } catch {
            form.setError(error.message, forField: "properties")
            part = .composer
            return .handled
        }
        form.setError(nil, forField: "properties")
        if let contentType = values["contentType"], contentType != Self.noneChoice { message.systemProperties["content-type"] = contentType }
        if let encoding = values["contentEncoding"], encoding != Self.noneChoice { message.systemProperties["content-encoding"] = encoding }
        let device = values["device"].flatMap { $0 == Self.noneChoice || $0.isEmpty ? nil : $0 }
        let test = Test(target: entries[index], message: message, deviceId: device)
        running = test
        return .run(test)
    }

    /// Application properties typed as a JSON object (`{"sensorID": "VSLog"}`, as `az iot hub
    /// route test --ap` takes them); values that are not strings become their JSON text, since
    /// properties are strings on the wire.
    static func properties(_ text: String) throws(PropertiesError) -> [String: String] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [:] }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw PropertiesError(message: "Not JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw PropertiesError(message: #"A JSON object, e.g. {"sensorID": "VSLog"}"#)
        }
        var properties: [String: String] = [:]
        for (name, member) in members {
            if case .string(let text) = member { properties[name] = text } else { properties[name] = member.serialized(.compact) }
        }
        return properties
    }

    struct PropertiesError: Error, Equatable {
        var message: String
    }

    private static func makeForm(deviceIds: [String], values: [String: String]) -> Form {
        Form(fields: [
            FormField(name: "body", label: "Body", value: values["body"] ?? "", placeholder: #"{"vibration": 2.1}"#),
            FormField(name: "properties", label: "Props", value: values["properties"] ?? "", placeholder: #"{"sensorID": "VSLog"}"#),
            FormField(name: "contentType", label: "Content", kind: .choice(contentTypes), value: values["contentType"] ?? contentTypes[0]),
            FormField(name: "contentEncoding", label: "Encoding", kind: .choice(contentEncodings), value: values["contentEncoding"] ?? contentEncodings[0]),
            FormField(name: "device", label: "Twin of", kind: .choice(deviceIds + [noneChoice]), value: values["device"] ?? deviceIds.first ?? noneChoice),
        ])
    }

    /// Where the parts go: the route list left and the composer right on top, the result below.
    struct Layout {
        let inside: Rect
        let listTitle: Rect
        let list: Rect
        let formTitle: Rect
        let form: Rect
        let resultTitle: Rect
        let result: Rect

        init(_ area: Rect) {
            inside = area.insetBy(dx: 1, dy: 0)
            let (top, bottom) = inside.splitTop(min(8, inside.height / 2))
            // Room for "All DeviceMessages (1)" and the composer's "‹ application/json ›" at 120 columns.
            let listWidth = max(min(24, top.width / 2), top.width * 2 / 5)
            let left = Rect(x: top.x, y: top.y, width: listWidth, height: top.height)
            let right = Rect(x: top.x + listWidth + 1, y: top.y, width: top.width - listWidth - 1, height: top.height)
            (listTitle, list) = left.splitTop(1)
            (formTitle, form) = right.splitTop(1)
            (resultTitle, result) = bottom.splitTop(1)
        }
    }
}
