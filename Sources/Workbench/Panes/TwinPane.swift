import JSONValue
import TerminalUI

/// The twin editor: pick a device of the lab's hub (`/` filters), read its twin as JSON, edit
/// `tags` and `properties.desired`, and send the change as a merge patch with the twin's etag in
/// If-Match (`ctrl-s`), as `az iot hub device-twin update` does. The hub's answer is shown where
/// it applies: a refused member at its line with Azure's code, a concurrent change as
/// `412001 PreconditionFailed`. Reported properties, `$metadata` and versions follow the hub live
/// (the app reloads on the twin's journal events) as long as the learner has nothing unsent;
/// with unsent edits the newer twin waits, and `ctrl-r` carries the edit onto it.
struct TwinPane: Sendable {
    /// The hub whose devices the picker lists (the lab's).
    private(set) var hub: String?
    private(set) var deviceIds: [String] = []
    private(set) var hasLoadedDevices = false
    private(set) var picker = ListView()
    /// `i` in the picker: a twin typed by id, `device` or `device/module`.
    private(set) var idInput: TextInput?
    /// The twin being edited; nil while picking.
    private(set) var target: TwinTarget?
    /// The twin as last read from the hub: what the edit is compared with, and whose etag is sent.
    private(set) var base: JSONValue?
    /// A newer twin read while the learner had unsent edits.
    private(set) var newer: JSONValue?
    private(set) var editor = JSONEditor(text: "", isReadOnly: true)
    /// The line above the editor: what just happened.
    private(set) var notice: StyledLine?
    private(set) var isSending = false

    var etag: String? { base?["etag"]?.stringValue }

    /// Whether the editor holds something other than the twin as read (or does not parse).
    var hasUnsentEdits: Bool { base != nil && editor.value != base }

    // MARK: Changes from the app

    /// The devices of `hub` the picker offers, from the registry's listing of every hub.
    mutating func showDevices(_ rows: [DeviceSummary], hub: String) {
        self.hub = hub
        hasLoadedDevices = true
        deviceIds = rows.filter { $0.hub == hub }.map(\.deviceId)
        picker.setItems(rows.filter { $0.hub == hub }.map { ListItem(($0.connected ? "● " : "○ ") + $0.deviceId, detail: "twin") })
    }

    /// Starts editing `target`'s twin; the app reads it (`loadTwin`).
    mutating func open(_ target: TwinTarget, theme: Theme) {
        self.target = target
        hub = target.hub
        base = nil
        newer = nil
        isSending = false
        editor = JSONEditor(text: "", isReadOnly: true)
        notice = StyledLine("Reading the twin of \(target.subject)…", style: theme.dim)
    }

    /// A twin read from the hub, after a load or (with `patch`) after the hub applied the patch.
    mutating func loaded(_ twin: JSONValue, for target: TwinTarget, patch: JSONValue?, theme: Theme) {
        guard target == self.target else { return }
        if let patch {
            isSending = false
            replace(with: twin)
            notice = StyledLine("✓ patch applied: \(patch.serialized(.compact)) → \(Self.versions(of: twin))", style: theme.success)
        } else if base == nil || !hasUnsentEdits {
            let changed = base.map { $0["etag"] != twin["etag"] } ?? false
            replace(with: twin)
            if changed { notice = StyledLine("↻ changed on the hub → \(Self.versions(of: twin))", style: theme.text) }
            if notice?.text.hasPrefix("Reading") == true { notice = nil }
        } else if twin["etag"] != base?["etag"] {
            newer = twin
            notice = StyledLine(
                "The twin changed on the hub (\(Self.versions(of: twin))) while you edit: ctrl-r carries your edit onto it; ctrl-s now is refused (etag).",
                style: theme.warning)
        }
    }

    /// The hub refused the last read or patch: shown at the member it names, with Azure's code.
    mutating func refused(_ refusal: HubRefusal, for target: TwinTarget, theme: Theme) {
        guard target == self.target else { return }
        isSending = false
        guard base != nil else {
            notice = StyledLine("✗ " + refusal.description, style: theme.error)
            return
        }
        var message = refusal.description
        if refusal.errorName == "PreconditionFailed" { message += " — ctrl-r reads the twin again and keeps your edit" }
        if let field = refusal.field {
            editor.showError(message, atPath: field)
        } else {
            editor.showError(message)
        }
        notice = StyledLine("✗ " + message, style: theme.error)
    }

    // MARK: Input

    /// `ignored` lets the app leave the pane (esc); an action is a request to carry out.
    mutating func handle(_ event: InputEvent, in area: Rect, theme: Theme) -> EventResult<WorkbenchRequest> {
        let (_, body) = Self.split(area)
        guard let target else { return handlePicker(event, in: body, theme: theme) }
        switch event {
        case .key(.escape):
            return .ignored
        case .key(.control("o")):
            self.target = nil
            base = nil
            newer = nil
            notice = nil
            return .action(.listDevices)
        case .key(.control("r")):
            return reload(target, theme: theme)
        default:
            break
        }
        let result = editor.handle(event, in: body)
        guard case .submitted(let value)? = result.action else { return result.wasHandled ? .handled : .ignored }
        return submit(value, to: target, theme: theme)
    }

    private mutating func handlePicker(_ event: InputEvent, in area: Rect, theme: Theme) -> EventResult<WorkbenchRequest> {
        if var input = idInput {
            switch input.handle(event, in: area.splitBottom(1).bottom).action {
            case .submitted(let text)?:
                idInput = nil
                let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1).map(String.init)
                guard let hub, let deviceId = parts.first else { return .handled }
                let target = TwinTarget(hub: hub, deviceId: deviceId, moduleId: parts.count > 1 ? parts[1] : nil)
                open(target, theme: theme)
                return .action(.loadTwin(target))
            case .cancelled?:
                idInput = nil
            default:
                idInput = input
            }
            return .handled
        }
        if case .key(.character("i")) = event, !picker.filter.isEditing {
            idInput = TextInput(prompt: "twin id> ", placeholder: "device or device/module")
            return .handled
        }
        if case .key(.escape) = event, !picker.filter.isActive { return .ignored }
        let result = picker.handle(event, in: area)
        guard case .activated(let index)? = result.action, let hub, deviceIds.indices.contains(index) else {
            return result.wasHandled ? .handled : .ignored
        }
        let target = TwinTarget(hub: hub, deviceId: deviceIds[index])
        open(target, theme: theme)
        return .action(.loadTwin(target))
    }

    private mutating func submit(_ value: JSONValue, to target: TwinTarget, theme: Theme) -> EventResult<WorkbenchRequest> {
        guard let base, let etag, !isSending else { return .handled }
        switch TwinPaneEdit.between(base, value) {
        case .unchanged:
            notice = StyledLine("Nothing to send: tags and properties.desired are as on the hub.", style: theme.dim)
            return .handled
        case .readOnly(let path, let reason):
            let message = "\(path.isEmpty ? "the document" : path) is read-only: \(reason)"
            editor.showError(message, atPath: path)
            notice = StyledLine("✗ " + message, style: theme.error)
            return .handled
        case .patch(let patch):
            isSending = true
            notice = StyledLine("Sending \(patch.serialized(.compact)) with If-Match \(etag)…", style: theme.dim)
            return .action(.updateTwin(target, patch: patch, etag: etag))
        }
    }

    /// `ctrl-r`: with unsent edits and a newer twin, the edit is carried onto the newer twin (its
    /// etag is then the one sent); otherwise the twin is read again, dropping unsent edits.
    private mutating func reload(_ target: TwinTarget, theme: Theme) -> EventResult<WorkbenchRequest> {
        if let newer, let base, let edited = editor.value, case .patch(let patch) = TwinPaneEdit.between(base, edited) {
            replace(with: newer)
            editor.setText(newer.merging(patch: patch).serialized(.pretty))
            notice = StyledLine("Your edit is now on \(Self.versions(of: newer)): ctrl-s sends it.", style: theme.text)
            return .handled
        }
        open(target, theme: theme)
        return .action(.loadTwin(target))
    }

    private mutating func replace(with twin: JSONValue) {
        base = twin
        newer = nil
        let compact = editor.text.contains("{") && !editor.text.contains("\n")
        editor.isReadOnly = false
        editor.setText(twin.serialized(compact ? .compact : .pretty))
    }

    // MARK: Drawing

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let theme = context.theme
        let (header, body) = Self.split(area)
        guard let target else {
            screen.write("Twins of \(hub ?? "the lab's hub"): enter opens one", at: Point(x: header.x, y: header.y), style: theme.dim, maxWidth: header.width)
            if !hasLoadedDevices {
                screen.write("Reading the registry…", at: Point(x: body.x, y: body.y), style: theme.dim, maxWidth: body.width)
            } else if deviceIds.isEmpty {
                screen.write("No devices in this hub yet (az iot hub device-identity create).", at: Point(x: body.x, y: body.y), style: theme.dim, maxWidth: body.width)
            } else {
                picker.render(in: body, on: &screen, context: context)
            }
            if let idInput { idInput.render(in: body.splitBottom(1).bottom, on: &screen, context: context) }
            return
        }
        var editorArea = body
        if let base, body.height > 3 {
            // Versions and etag on their own row: the pane is narrow and they are what changes.
            var detail = "reported $version \(base[path: ["properties", "reported", "$version"]]?.integerValue ?? 0)"
            if let etag { detail += " · etag \(etag)" }
            screen.write(detail, at: Point(x: body.x, y: body.y), style: theme.dim, maxWidth: body.width)
            editorArea = body.splitTop(1).rest
        }
        var title = target.subject
        if let version = base?["version"]?.integerValue { title += " · version \(version)" }
        if let desired = base?[path: ["properties", "desired", "$version"]]?.integerValue { title += " · desired $version \(desired)" }
        screen.write(title, at: Point(x: header.x, y: header.y), style: theme.strong, maxWidth: header.width)
        if let notice, editorArea.height > 3 {
            let lines = notice.wrapped(toWidth: max(1, editorArea.width), indent: 2).prefix(3)
            for (row, line) in lines.enumerated() {
                screen.write(line, at: Point(x: editorArea.x, y: editorArea.y + row), maxWidth: editorArea.width)
            }
            editorArea = editorArea.splitTop(lines.count).rest
        }
        if base != nil { editor.render(in: editorArea, on: &screen, context: context) }
    }

    var keyHints: [KeyHint] {
        if idInput != nil { return [KeyHint(.enter, "open the twin"), KeyHint(.escape, "cancel")] }
        guard target != nil else { return picker.keyHints + [KeyHint(.character("i"), "twin by id (device/module)"), KeyHint(.escape, "back")] }
        return [
            KeyHint(.control("s"), "send patch"), KeyHint(.control("r"), "reload"), KeyHint(.control("f"), "pretty"),
            KeyHint(.control("t"), "compact"), KeyHint(.control("o"), "other twin"), KeyHint(.escape, "back"),
        ]
    }

    /// `version 7 · desired $version 3 · reported $version 4`, as the twin document carries them.
    static func versions(of twin: JSONValue) -> String {
        var parts: [String] = []
        if let version = twin["version"]?.integerValue { parts.append("version \(version)") }
        if let desired = twin[path: ["properties", "desired", "$version"]]?.integerValue { parts.append("desired $version \(desired)") }
        if let reported = twin[path: ["properties", "reported", "$version"]]?.integerValue { parts.append("reported $version \(reported)") }
        return parts.joined(separator: " · ")
    }

    /// The title row and what is below it.
    private static func split(_ area: Rect) -> (header: Rect, body: Rect) {
        let inside = area.insetBy(dx: 1, dy: 0)
        let (header, body) = inside.splitTop(1)
        return (header, body)
    }
}
