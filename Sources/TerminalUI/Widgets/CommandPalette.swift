/// A command the palette offers, with its aliases (k9s: `:pod`, `:po`) and the key that does the
/// same outside the palette, so the palette also teaches the keys (VS Code shows a command's
/// keybinding beside it).
public struct PaletteCommand: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var summary: String
    /// The key that runs the same action outside the palette ("h", "4"), shown at the right.
    public var key: String?

    public init(_ name: String, aliases: [String] = [], summary: String, key: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.key = key
    }

    /// Whether `word` starts the name or an alias: the k9s way, where arguments follow the word.
    func isPrefixed(by word: String) -> Bool {
        let word = word.lowercased()
        return word.isEmpty || ([name] + aliases).contains { $0.lowercased().hasPrefix(word) }
    }

    /// How well the typed `line` picks this command, lower is better, `nil` when it does not:
    /// 0 when its first word starts the name or an alias (k9s), 1 when the line appears in the
    /// name or summary, 2 when every typed word starts a word there ("tel pa" → "Telemetry
    /// pane") or the letters appear in the name in order ("dvc" → "devices"), as fuzzy finders do.
    func rank(for line: String) -> Int? {
        let typed = line.lowercased().split(separator: " ")
        if isPrefixed(by: typed.first.map(String.init) ?? "") { return 0 }
        let words = ([name] + aliases + [summary]).joined(separator: " ").lowercased()
        if words.contains(typed.joined(separator: " ")) { return 1 }
        let starts = words.split { !$0.isLetter && !$0.isNumber }
        if typed.allSatisfy({ word in starts.contains { $0.hasPrefix(word) } }) { return 2 }
        var remaining = Substring(name.lowercased())
        for character in typed.joined() {
            guard let found = remaining.firstIndex(of: character) else { return nil }
            remaining = remaining[remaining.index(after: found)...]
        }
        return 2
    }

    func isNamed(_ word: String) -> Bool {
        ([name] + aliases).contains { $0.lowercased() == word.lowercased() }
    }
}

/// The `:` command palette (k9s command mode with a fuzzy filter): type a command or an alias
/// and its arguments (`:twin sensor-th-0001`, `:lab 3`), or any letters of what you want
/// (`:tele` finds "go to the Telemetry pane"); `↑↓` pick among the matches, `tab` completes the
/// name, `enter` runs, `esc` closes.
public struct CommandPalette: Widget {
    public enum Action: Hashable, Sendable {
        /// Run `command` with the rest of the line as `arguments` (split at spaces); a command
        /// picked by the fuzzy filter rather than by its name gets no arguments.
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

    /// The commands matching what is typed, best first (commands named by the first word, then
    /// those containing the text, then fuzzy matches), each group in the order given.
    public var matches: [PaletteCommand] {
        let text = input.text
        return commands.enumerated().compactMap { index, command in command.rank(for: text).map { (rank: $0, index: index, command: command) } }
            .sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }
            .map(\.command)
    }

    /// Opens the palette with a line already typed (`lab ` after `:lab` without a lab).
    public mutating func setText(_ text: String) {
        input.setText(text)
        highlighted = 0
        message = nil
    }

    /// Clears the line for the next time the palette opens.
    public mutating func reset() {
        input.setText("")
        highlighted = 0
        message = nil
    }

    /// How many matches the palette lists at once; `↑↓` scroll past them.
    static let visibleRows = 10

    public func frame(in area: Rect) -> Rect {
        let width = min(area.width - 2, 76)
        let height = min(area.height - 2, 3 + max(1, min(Self.visibleRows, matches.count)) + 1)
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
        let found = matches
        let rows = max(1, inner.maxY - y)
        let first = max(0, highlighted - rows + 1)
        let nameWidth = min(inner.width / 2, (found.map { $0.name.displayWidth }.max() ?? 0) + 2)
        let keyWidth = (found.compactMap { $0.key?.displayWidth }.max() ?? 0) + 1
        for (index, command) in found.enumerated().dropFirst(first) where y < inner.maxY {
            let selected = index == highlighted
            let style = selected ? theme.selection : theme.text
            screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: selected ? style : .plain)
            screen.write(command.name, at: Point(x: inner.x + 1, y: y), style: selected ? style : theme.hotkey, maxWidth: nameWidth)
            var summary = command.summary
            if !command.aliases.isEmpty { summary += " (" + command.aliases.joined(separator: ", ") + ")" }
            let summaryWidth = inner.width - nameWidth - 2 - (keyWidth > 1 ? keyWidth + 1 : 0)
            screen.write(summary, at: Point(x: inner.x + 1 + nameWidth, y: y), style: selected ? style : theme.dim, maxWidth: summaryWidth)
            if let key = command.key {
                screen.write(key, at: Point(x: inner.maxX - 1 - key.displayWidth, y: y), style: selected ? style : theme.hotkey, maxWidth: keyWidth)
            }
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
            let first = words.first ?? ""
            let picked = found.indices.contains(highlighted) ? found[highlighted] : nil
            guard let command = commands.first(where: { $0.isNamed(first) }) ?? picked else {
                if first.isEmpty {
                    reset()
                    return .action(.dismissed)
                }
                message = "unknown command :\(first)"
                return .handled
            }
            // Arguments follow a command's name (`:lab 3`); a fuzzy pick ("go tele") has none.
            let arguments = command.isPrefixed(by: first) ? Array(words.dropFirst()) : []
            input.remember(input.text)
            reset()
            return .action(.run(command, arguments: arguments))
        default:
            message = nil
            // A changed line shows new matches, best first: the pick starts over at the top.
            if case .action(.changed) = input.handle(event, in: area) { highlighted = 0 }
            return .handled
        }
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.enter, "run"), KeyHint(label: "↑↓", "pick"), KeyHint(.tab, "complete"), KeyHint(.escape, "close")]
    }
}
