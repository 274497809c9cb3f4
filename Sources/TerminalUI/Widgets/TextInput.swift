/// A one-line text input with history (`↑`/`↓`) and completion (`tab`), as the az console needs.
///
/// Editing keys follow readline: `ctrl-a`/`ctrl-e` (or `home`/`end`), `ctrl-u` deletes to the
/// start, `ctrl-k` to the end, `ctrl-w` the word before the cursor. `tab` completes to the
/// longest prefix the candidates share and lists them; `tab` again cycles through them.
public struct TextInput: Widget {
    public enum Action: Hashable, Sendable {
        case submitted(String)
        case cancelled
        case changed(String)
    }

    /// Candidates for the whole line as typed so far (full replacement lines).
    public typealias Completer = @Sendable (String) -> [String]

    public var prompt: String
    public var placeholder: String
    /// Shows `•` for each character (keys, passwords).
    public var isSecret: Bool
    public var completer: Completer?
    public private(set) var history: [String] = []
    public var historyLimit = 200
    /// The candidates listed after an ambiguous `tab`.
    public private(set) var candidates: [String] = []
    private var characters: [Character]
    public private(set) var cursor: Int
    private var historyIndex: Int?
    private var draft: [Character] = []
    private var candidateIndex: Int?

    public init(prompt: String = "", text: String = "", placeholder: String = "", isSecret: Bool = false, completer: Completer? = nil) {
        self.prompt = prompt
        self.placeholder = placeholder
        self.isSecret = isSecret
        self.completer = completer
        self.characters = Array(text)
        self.cursor = characters.count
    }

    public var text: String { String(characters) }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        candidates = []
        candidateIndex = nil
    }

    /// Adds a line to the history (the console restores it from the workspace at start).
    public mutating func remember(_ line: String) {
        guard !line.isEmpty, history.last != line else { return }
        history.append(line)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard !area.isEmpty else { return }
        let theme = context.theme
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        screen.fill(row)
        let promptWidth = screen.write(prompt, at: Point(x: row.x, y: row.y), style: theme.hotkey, maxWidth: row.width)
        let room = row.width - promptWidth - 1
        guard room > 0 else { return }
        let shown = isSecret ? Array(repeating: Character("•"), count: characters.count) : characters
        if shown.isEmpty && !placeholder.isEmpty {
            screen.write(placeholder, at: Point(x: row.x + promptWidth, y: row.y), style: theme.dim, maxWidth: room)
        }
        // Scroll horizontally just enough to keep the cursor in view.
        var start = 0
        while start < cursor && shown[start..<cursor].reduce(0, { $0 + $1.displayWidth }) >= room { start += 1 }
        let visible = String(shown[start...])
        screen.write(visible, at: Point(x: row.x + promptWidth, y: row.y), style: theme.text, maxWidth: room)
        if context.isFocused {
            let cursorX = row.x + promptWidth + shown[start..<cursor].reduce(0) { $0 + $1.displayWidth }
            screen.cursor = Point(x: cursorX, y: row.y)
        }
        if area.height > 1, !candidates.isEmpty {
            let list = candidates.enumerated().map { $0.offset == candidateIndex ? "[\($0.element)]" : $0.element }.joined(separator: "  ")
            screen.write(list, at: Point(x: area.x + promptWidth, y: area.y + 1), style: theme.dim, maxWidth: area.width - promptWidth)
        }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action> {
        guard case .key(let key) = event else { return .ignored }
        if key != .tab {
            candidates = []
            candidateIndex = nil
        }
        let before = characters
        switch key {
        case .character(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return .handled }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return .handled }
            characters.remove(at: cursor)
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .up: recall(older: true)
        case .down: recall(older: false)
        case .tab: complete()
        case .enter:
            let line = text
            remember(line)
            historyIndex = nil
            setText("")
            return .action(.submitted(line))
        case .escape:
            historyIndex = nil
            return .action(.cancelled)
        default:
            return .ignored
        }
        return characters == before ? .handled : .action(.changed(text))
    }

    public var keyHints: [KeyHint] {
        var hints = [KeyHint(.enter, "run"), KeyHint(label: "↑↓", "history")]
        if completer != nil { hints.append(KeyHint(.tab, "complete")) }
        return hints
    }

    // MARK: Private

    private mutating func recall(older: Bool) {
        guard !history.isEmpty else { return }
        if historyIndex == nil {
            guard older else { return }
            draft = characters
            historyIndex = history.count
        }
        guard let index = historyIndex else { return }
        let next = older ? max(0, index - 1) : index + 1
        if next >= history.count {
            historyIndex = nil
            characters = draft
        } else {
            historyIndex = next
            characters = Array(history[next])
        }
        cursor = characters.count
    }

    private mutating func complete() {
        if !candidates.isEmpty {
            let next = ((candidateIndex ?? -1) + 1) % candidates.count
            candidateIndex = next
            characters = Array(candidates[next])
            cursor = characters.count
            return
        }
        guard let completer else { return }
        let found = completer(text)
        guard let first = found.first else { return }
        if found.count == 1 {
            characters = Array(first)
        } else {
            let shared = found.dropFirst().reduce(Array(first)) { prefix, candidate in
                zip(prefix, candidate).prefix { $0 == $1 }.map(\.0)
            }
            if shared.count > characters.count { characters = shared }
            candidates = found
        }
        cursor = characters.count
    }
}
