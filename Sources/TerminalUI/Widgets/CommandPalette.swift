/// A command the palette offers, with its aliases (k9s: `:pod`, `:po`).
public struct PaletteCommand: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var summary: String

    public init(_ name: String, aliases: [String] = [], summary: String) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
    }

    func matches(_ word: String) -> Bool {
        let word = word.lowercased()
        return word.isEmpty || ([name] + aliases).contains { $0.lowercased().hasPrefix(word) }
    }

    func isNamed(_ word: String) -> Bool {
        ([name] + aliases).contains { $0.lowercased() == word.lowercased() }
    }
}

/// The `:` command palette (k9s command mode): type a command or an alias and its arguments
/// (`:twin sensor-th-0001`, `:lab 3`); `↑↓` pick among the matching commands, `tab` completes
/// the name, `enter` runs, `esc` closes.
public struct CommandPalette: Widget {
    public enum Action: Hashable, Sendable {
        /// Run `command` with the rest of the line as `arguments` (split at spaces).
        case run(PaletteCommand, arguments: [String])
        case dismissed
    }

    public var commands: [PaletteCommand]
    public private(set) var input = TextInput(prompt: ":")
    public private(set) var highlighted = 0
    /// Shown under the input after `enter` on something that is not a command.
    public private(set) var message: String?

    public init(commands: [PaletteCommand]) {
        self.commands = commands
    }

    /// The commands matching the first word typed.
    public var matches: [PaletteCommand] {
        commands.filter { $0.matches(firstWord) }
    }

    /// Clears the line for the next time the palette opens.
    public mutating func reset() {
        input.setText("")
        highlighted = 0
        message = nil
    }

    public func frame(in area: Rect) -> Rect {
        let width = min(area.width - 2, 70)
        let height = min(area.height - 2, 3 + max(1, min(8, matches.count)) + 1)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: height)
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let theme = context.theme
        guard let inner = screen.drawOverlay(frame(in: area), title: "command", context: context) else { return }
        input.render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), on: &screen, context: context)
        var y = inner.y + 1
        if let message, y < inner.maxY {
            screen.write(message, at: Point(x: inner.x, y: y), style: theme.error, maxWidth: inner.width)
            y += 1
        }
        let nameWidth = min(inner.width / 2, (matches.map { $0.name.displayWidth }.max() ?? 0) + 2)
        for (index, command) in matches.enumerated() where y < inner.maxY {
            let style = index == highlighted ? theme.selection : theme.text
            screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: index == highlighted ? style : .plain)
            screen.write(command.name, at: Point(x: inner.x + 1, y: y), style: index == highlighted ? style : theme.hotkey, maxWidth: nameWidth)
            var summary = command.summary
            if !command.aliases.isEmpty { summary += " (" + command.aliases.joined(separator: ", ") + ")" }
            screen.write(summary, at: Point(x: inner.x + 1 + nameWidth, y: y), style: index == highlighted ? style : theme.dim, maxWidth: inner.width - nameWidth - 2)
            y += 1
        }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action> {
        guard case .key(let key) = event else { return .handled }
        let found = matches
        switch key {
        case .escape:
            reset()
            return .action(.dismissed)
        case .up:
            highlighted = max(0, highlighted - 1)
            return .handled
        case .down:
            highlighted = min(max(0, found.count - 1), highlighted + 1)
            return .handled
        case .tab:
            if found.indices.contains(highlighted) { input.setText(found[highlighted].name + " ") }
            return .handled
        case .enter:
            let words = input.text.split(separator: " ").map(String.init)
            guard let first = words.first else {
                reset()
                return .action(.dismissed)
            }
            let command = commands.first { $0.isNamed(first) } ?? (found.indices.contains(highlighted) && !first.isEmpty ? found[highlighted] : nil)
            guard let command else {
                message = "unknown command :\(first)"
                return .handled
            }
            let arguments = Array(words.dropFirst())
            input.remember(input.text)
            reset()
            return .action(.run(command, arguments: arguments))
        default:
            message = nil
            _ = input.handle(event, in: area)
            highlighted = min(highlighted, max(0, matches.count - 1))
            return .handled
        }
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.enter, "run"), KeyHint(.tab, "complete"), KeyHint(.escape, "close")]
    }

    private var firstWord: String {
        String(input.text.split(separator: " ", maxSplits: 1).first ?? "")
    }
}
