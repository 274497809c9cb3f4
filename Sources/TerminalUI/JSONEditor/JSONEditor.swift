import JSONValue

/// A JSON document editor (the twin editor, method payloads, route-tester messages): syntax
/// colours, line numbers, and validation on every edit that points at the error's line and
/// column with the parser's reason, so a learner sees "line 3, column 14: expected ',' or '}'"
/// at the place it went wrong before anything is sent to the hub.
///
/// Keys: arrows, `home`/`end`, `pgup`/`pgdn` move; `enter` keeps the indentation (one level
/// more after `{` or `[`); `tab` indents two spaces; `ctrl-f` lays the document out pretty and
/// `ctrl-t` compact (only when it parses); `ctrl-s` submits a valid document. `esc` is left to
/// the owner (leave the editor).
public struct JSONEditor: Widget {
    public enum Action: Hashable, Sendable {
        /// The document parsed and the learner asked to send it.
        case submitted(JSONValue)
        case changed
    }

    /// A cursor position, both from 0 (line and character in the line).
    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    private var lines: [[Character]]
    public private(set) var cursor = Position(line: 0, column: 0)
    /// Why the text is not JSON, or nil when it parses.
    public private(set) var parseError: JSONParseError?
    /// A message from the owner (the hub refused the patch), shown until the next edit.
    public private(set) var externalError: String?
    /// The line (from 0) the owner's message is about, marked in the gutter.
    public private(set) var externalErrorLine: Int?
    public var isReadOnly: Bool
    private var top = 0

    public init(text: String = "{}", isReadOnly: Bool = false) {
        self.lines = Self.split(text)
        self.isReadOnly = isReadOnly
        validate()
    }

    public init(value: JSONValue, isReadOnly: Bool = false) {
        self.init(text: value.serialized(.pretty), isReadOnly: isReadOnly)
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    /// The document, when the text parses.
    public var value: JSONValue? { try? JSONValue(parsing: text) }

    /// Replaces the text (a twin update arrived); the cursor stays where it was when it can.
    public mutating func setText(_ text: String) {
        lines = Self.split(text)
        cursor.line = min(cursor.line, lines.count - 1)
        cursor.column = min(cursor.column, lines[cursor.line].count)
        externalError = nil
        externalErrorLine = nil
        validate()
    }

    /// Shows the hub's answer about the document (a limit exceeded, a precondition failed).
    public mutating func showError(_ message: String?) {
        externalError = message
        externalErrorLine = nil
    }

    /// Shows the hub's answer at the member it names (`properties.desired.fan`, as the service
    /// writes the field in its error): the line is marked, the cursor moves to it and the
    /// message starts with the line number, so the learner sees where the rule was broken.
    public mutating func showError(_ message: String, atPath path: String) {
        let line = JSONPathLocator.line(of: path, in: text)
        moveCursor(to: Position(line: line, column: lines[min(line, lines.count - 1)].prefix { $0 == " " }.count))
        externalError = "line \(cursor.line + 1): " + message
        externalErrorLine = cursor.line
    }

    /// Moves the cursor, clamped to the text.
    public mutating func moveCursor(to position: Position) {
        cursor.line = min(max(0, position.line), lines.count - 1)
        cursor.column = min(max(0, position.column), lines[cursor.line].count)
    }

    /// Lays the document out with two-space indentation; false when it does not parse.
    @discardableResult
    public mutating func formatPretty() -> Bool { reformat(.pretty) }

    /// Lays the document out on one line; false when it does not parse.
    @discardableResult
    public mutating func formatCompact() -> Bool { reformat(.compact) }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard area.height > 0, area.width > 4 else { return }
        let theme = context.theme
        let (body, status) = area.splitBottom(area.height > 1 ? 1 : 0)
        let gutter = gutterWidth
        let textX = body.x + gutter
        let textWidth = body.maxX - textX
        let first = visibleTop(height: body.height)
        let left = leftColumn(width: textWidth)
        for row in 0..<body.height {
            let number = first + row
            guard number < lines.count else { break }
            let y = body.y + row
            let isErrorLine = parseError.map { $0.line - 1 == number } ?? (externalErrorLine == number)
            screen.write(String(number + 1).padded(toWidth: gutter - 1), at: Point(x: body.x, y: y),
                         style: isErrorLine ? theme.error : theme.dim)
            let line = lines[number]
            let styles = JSONSyntax.styles(for: line, theme: theme)
            var x = textX
            for index in line.indices where index >= left {
                let used = screen.put(line[index], at: Point(x: x, y: y), style: styles[index], limit: body.maxX)
                if used == 0 { break }
                x += used
            }
            if isErrorLine, let error = parseError {
                let column = error.column - 1
                let errorX = column >= left ? textX + Self.width(line, from: left, to: min(column, line.count)) : textX
                if errorX < body.maxX {
                    if column >= line.count { screen.put(" ", at: Point(x: errorX, y: y)) }
                    screen.restyle(Rect(x: errorX, y: y, width: 1, height: 1)) { $0.merged(with: theme.error.adding(.reverse)) }
                }
            }
        }
        if context.isFocused && !isReadOnly && cursor.line >= first && cursor.line < first + body.height {
            let x = textX + Self.width(lines[cursor.line], from: left, to: cursor.column)
            if x < body.maxX { screen.cursor = Point(x: x, y: body.y + cursor.line - first) }
        }
        guard status.height > 0 else { return }
        screen.fill(status)
        let position = "\(cursor.line + 1):\(cursor.column + 1)"
        let showsPosition = position.count + 14 < status.width
        let room = showsPosition ? status.width - position.count - 2 : status.width
        let (message, style) = externalError.map { ("✗ " + $0, theme.error) }
            ?? parseError.map { ("✗ " + $0.description, theme.error) } ?? ("✓ valid JSON", theme.success)
        screen.write(message.truncated(toWidth: room), at: Point(x: status.x, y: status.y), style: style, maxWidth: room)
        if showsPosition {
            screen.write(position, at: Point(x: status.maxX - position.count - 1, y: status.y), style: theme.dim)
        }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action> {
        let height = max(1, area.height - 1)
        if case .mouse(let mouse) = event, area.contains(mouse.position) {
            switch mouse.kind {
            case .scrollUp: cursor.line = max(0, cursor.line - 3)
            case .scrollDown: cursor.line = min(lines.count - 1, cursor.line + 3)
            case .click, .rightClick:
                let gutter = gutterWidth
                let line = visibleTop(height: height) + mouse.position.y - area.y
                guard line < lines.count else { return .handled }
                cursor.line = line
                cursor.column = Self.column(in: lines[line], from: leftColumn(width: area.width - gutter), atWidth: mouse.position.x - area.x - gutter)
            }
            cursor.column = min(cursor.column, lines[cursor.line].count)
            keepCursorVisible(height: height)
            return .handled
        }
        guard case .key(let key) = event else { return .ignored }
        var edited = false
        switch key {
        case .up: moveCursor(to: Position(line: cursor.line - 1, column: cursor.column))
        case .down: moveCursor(to: Position(line: cursor.line + 1, column: cursor.column))
        case .left:
            if cursor.column > 0 { cursor.column -= 1 } else if cursor.line > 0 { moveCursor(to: Position(line: cursor.line - 1, column: Int.max)) }
        case .right:
            if cursor.column < lines[cursor.line].count { cursor.column += 1 } else if cursor.line + 1 < lines.count { cursor = Position(line: cursor.line + 1, column: 0) }
        case .home, .control("a"): cursor.column = 0
        case .end, .control("e"): cursor.column = lines[cursor.line].count
        case .pageUp: moveCursor(to: Position(line: cursor.line - height, column: cursor.column))
        case .pageDown: moveCursor(to: Position(line: cursor.line + height, column: cursor.column))
        case .control("s"):
            guard parseError == nil, let value else { return .handled }
            return .action(.submitted(value))
        case .control("f"), .control("t"):
            guard !isReadOnly else { return .handled }
            edited = key == .control("f") ? formatPretty() : formatCompact()
        case .character(let c) where !isReadOnly:
            lines[cursor.line].insert(c, at: cursor.column)
            cursor.column += 1
            edited = true
        case .tab where !isReadOnly:
            lines[cursor.line].insert(contentsOf: "  ", at: cursor.column)
            cursor.column += 2
            edited = true
        case .enter where !isReadOnly:
            insertNewline()
            edited = true
        case .backspace where !isReadOnly:
            edited = deleteBackward()
        case .delete where !isReadOnly:
            edited = deleteForward()
        default:
            return .ignored
        }
        keepCursorVisible(height: height)
        guard edited else { return .handled }
        externalError = nil
        externalErrorLine = nil
        validate()
        return .action(.changed)
    }

    public var keyHints: [KeyHint] {
        if isReadOnly { return [KeyHint(label: "↑↓", "scroll")] }
        return [KeyHint(.control("s"), "submit"), KeyHint(.control("f"), "pretty"), KeyHint(.control("t"), "compact")]
    }

    // MARK: Private

    /// The line numbers' column: the widest number and a space.
    private var gutterWidth: Int { String(lines.count).count + 1 }

    private static func split(_ text: String) -> [[Character]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).replacingTabs()) }
        return lines.isEmpty ? [[]] : lines
    }

    private mutating func validate() {
        do {
            _ = try JSONValue(parsing: text)
            parseError = nil
        } catch {
            parseError = error
        }
    }

    private mutating func reformat(_ layout: JSONValue.Layout) -> Bool {
        guard let value else { return false }
        lines = Self.split(value.serialized(layout))
        moveCursor(to: cursor)
        externalErrorLine = nil
        return true
    }

    private mutating func insertNewline() {
        let line = lines[cursor.line]
        let indent = line.prefix { $0 == " " }.count
        let before = Array(line[..<cursor.column])
        var after = Array(line[cursor.column...])
        while after.first == " " { after.removeFirst() }
        let opensBlock = before.last(where: { $0 != " " }).map { $0 == "{" || $0 == "[" } ?? false
        let newIndent = indent + (opensBlock ? 2 : 0)
        lines[cursor.line] = before
        lines.insert(Array(repeating: " ", count: newIndent) + after, at: cursor.line + 1)
        cursor = Position(line: cursor.line + 1, column: newIndent)
    }

    private mutating func deleteBackward() -> Bool {
        if cursor.column > 0 {
            lines[cursor.line].remove(at: cursor.column - 1)
            cursor.column -= 1
            return true
        }
        guard cursor.line > 0 else { return false }
        let removed = lines.remove(at: cursor.line)
        cursor.line -= 1
        cursor.column = lines[cursor.line].count
        lines[cursor.line] += removed
        return true
    }

    private mutating func deleteForward() -> Bool {
        if cursor.column < lines[cursor.line].count {
            lines[cursor.line].remove(at: cursor.column)
            return true
        }
        guard cursor.line + 1 < lines.count else { return false }
        lines[cursor.line] += lines.remove(at: cursor.line + 1)
        return true
    }

    private mutating func keepCursorVisible(height: Int) {
        top = Scrolling.offset(keeping: cursor.line, visibleRows: height, from: top, count: lines.count)
    }

    private func visibleTop(height: Int) -> Int {
        Scrolling.offset(keeping: cursor.line, visibleRows: height, from: top, count: lines.count)
    }

    /// The first character shown, so the cursor stays within `width` columns.
    private func leftColumn(width: Int) -> Int {
        let line = lines[cursor.line]
        var left = 0
        while left < cursor.column && Self.width(line, from: left, to: cursor.column) >= width { left += 1 }
        return left
    }

    private static func width(_ line: [Character], from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        return line[start..<min(end, line.count)].reduce(0) { $0 + $1.displayWidth } + max(0, end - line.count)
    }

    /// The character index at display offset `target` from `start`.
    private static func column(in line: [Character], from start: Int, atWidth target: Int) -> Int {
        var used = 0
        var index = start
        while index < line.count && used + line[index].displayWidth <= target {
            used += line[index].displayWidth
            index += 1
        }
        return index
    }
}
