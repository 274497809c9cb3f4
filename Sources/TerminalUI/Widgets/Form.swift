/// One field of a `Form`.
public struct FormField: Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        /// Typed text shown as dots (keys, connection strings).
        case secret
        /// On or off; `space` toggles. Its value is "true" or "false".
        case toggle
        /// One of a fixed set; `←`/`→` or `space` choose.
        case choice([String])
    }

    /// The key the value is reported under.
    public let name: String
    public var label: String
    public let kind: Kind
    public var isRequired: Bool
    /// Shown under the field in the error style: the rule it broke, set by the form (required)
    /// or by the owner from the hub's error (`setError(_:forField:)`).
    public var error: String?
    var input: TextInput
    var isOn = false
    var choice = 0

    public init(name: String, label: String, kind: Kind = .text, value: String = "", isRequired: Bool = false, placeholder: String = "") {
        self.name = name
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
        self.input = TextInput(text: value, placeholder: placeholder, isSecret: kind == .secret)
        switch kind {
        case .toggle: isOn = value == "true"
        case .choice(let options): choice = options.firstIndex(of: value) ?? 0
        default: break
        }
    }

    /// The field's value as text.
    public var value: String {
        switch kind {
        case .text, .secret: input.text
        case .toggle: isOn ? "true" : "false"
        case .choice(let options): options.indices.contains(choice) ? options[choice] : ""
        }
    }
}

/// Labelled fields, one per row, with per-field errors: `tab`/`↓` next, `shift-tab`/`↑`
/// previous, `enter` on the last field or `ctrl-s` submits, `esc` cancels.
///
/// Required fields are checked before submitting; every other rule (a device id's characters,
/// a twin's size) is the hub's, reported back at the field with `setError(_:forField:)` so the
/// learner sees Azure's message where they typed.
public struct Form: Widget {
    public enum Action: Hashable, Sendable {
        case submitted([String: String])
        case cancelled
    }

    public private(set) var fields: [FormField]
    public private(set) var focusedIndex = 0

    public init(fields: [FormField]) {
        self.fields = fields
    }

    public var values: [String: String] {
        Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Puts `value` in the field named `name` (a device picked elsewhere); a choice takes the
    /// option with that text, a toggle "true" or "false".
    public mutating func setValue(_ value: String, forField name: String) {
        guard let index = fields.firstIndex(where: { $0.name == name }) else { return }
        switch fields[index].kind {
        case .text, .secret: fields[index].input.setText(value)
        case .toggle: fields[index].isOn = value == "true"
        case .choice(let options): fields[index].choice = options.firstIndex(of: value) ?? fields[index].choice
        }
        fields[index].error = nil
    }

    /// Shows `message` under the field named `name` (nil clears it).
    public mutating func setError(_ message: String?, forField name: String) {
        guard let index = fields.firstIndex(where: { $0.name == name }) else { return }
        fields[index].error = message
        if message != nil { focusedIndex = index }
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let theme = context.theme
        let labelWidth = min(area.width / 3, (fields.map { $0.label.displayWidth }.max() ?? 0) + 1)
        var y = area.y
        for (index, field) in fields.enumerated() {
            guard y < area.maxY else { break }
            let focused = context.isFocused && index == focusedIndex
            let label = (field.isRequired ? field.label + "*" : field.label).truncated(toWidth: labelWidth)
            screen.write(label, at: Point(x: area.x + labelWidth - label.displayWidth, y: y), style: focused ? theme.hotkey : theme.text)
            let valueArea = Rect(x: area.x + labelWidth + 2, y: y, width: area.width - labelWidth - 2, height: 1)
            switch field.kind {
            case .text, .secret:
                field.input.render(in: valueArea, on: &screen, context: RenderContext(theme: theme, isFocused: focused))
                if !focused {
                    screen.restyle(valueArea) { $0.merged(with: theme.dim) }
                }
            case .toggle:
                screen.write(field.isOn ? "[x]" : "[ ]", at: Point(x: valueArea.x, y: y), style: focused ? theme.selection : theme.text)
            case .choice(let options):
                let text = options.indices.contains(field.choice) ? options[field.choice] : ""
                screen.write("‹ \(text) ›", at: Point(x: valueArea.x, y: y), style: focused ? theme.selection : theme.text, maxWidth: valueArea.width)
            }
            y += 1
            if let error = field.error, y < area.maxY {
                screen.write("✗ " + error, at: Point(x: valueArea.x, y: y), style: theme.error, maxWidth: valueArea.width)
                y += 1
            }
        }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action> {
        guard !fields.isEmpty, case .key(let key) = event else { return .ignored }
        switch key {
        case .tab, .down:
            focusedIndex = (focusedIndex + 1) % fields.count
            return .handled
        case .backTab, .up:
            focusedIndex = (focusedIndex + fields.count - 1) % fields.count
            return .handled
        case .escape:
            return .action(.cancelled)
        case .control("s"):
            return submit()
        case .enter:
            if focusedIndex == fields.count - 1 { return submit() }
            focusedIndex += 1
            return .handled
        default:
            break
        }
        var field = fields[focusedIndex]
        defer { fields[focusedIndex] = field }
        switch field.kind {
        case .text, .secret:
            let result = field.input.handle(event, in: area)
            if case .action(.changed) = result { field.error = nil }
            return result.wasHandled ? .handled : .ignored
        case .toggle:
            guard key == .character(" ") else { return .ignored }
            field.isOn.toggle()
            return .handled
        case .choice(let options):
            guard !options.isEmpty else { return .ignored }
            switch key {
            case .right, .character(" "): field.choice = (field.choice + 1) % options.count
            case .left: field.choice = (field.choice + options.count - 1) % options.count
            default: return .ignored
            }
            return .handled
        }
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.tab, "next field"), KeyHint(.control("s"), "submit"), KeyHint(.escape, "cancel")]
    }

    private mutating func submit() -> EventResult<Action> {
        var firstError: Int?
        for index in fields.indices where fields[index].isRequired && fields[index].value.isEmpty {
            fields[index].error = "\(fields[index].label) is required."
            firstError = firstError ?? index
        }
        if let firstError {
            focusedIndex = firstError
            return .handled
        }
        return .action(.submitted(values))
    }
}
