/// A frame: a grid of cells that widgets draw into, and the cursor to show.
///
/// It is a plain value so a test can render a widget into one and read its rows, and the
/// application can hand a finished frame to `CursesTerminal`'s thread without sharing anything.
/// Drawing is clipped to the grid; a wide character that would straddle the right edge (or the
/// caller's `maxWidth`) becomes a space, and overwriting half of a wide character blanks the
/// other half, as a terminal would.
public struct Screen: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal shows its cursor (a text input with focus sets it); hidden when nil.
    public var cursor: Point?

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Puts one grapheme at `point`; returns the columns it took (0 when clipped).
    @discardableResult
    public mutating func put(_ character: Character, at point: Point, style: Style = .plain, limit: Int? = nil) -> Int {
        guard point.y >= 0, point.y < size.height, point.x >= 0, point.x < size.width else { return 0 }
        let edge = min(size.width, limit ?? size.width)
        var width = character.displayWidth
        var character = character
        if width == 0 {
            // A lone combining mark or control character: show a placeholder, never nothing.
            character = character.isASCII ? " " : "\u{FFFD}"
            width = 1
        }
        if point.x + width > edge {
            guard point.x < edge else { return 0 }
            character = " "
            width = 1
        }
        clearWideNeighbours(at: point.x, row: point.y, width: width)
        cells[point.y * size.width + point.x] = Cell(character: character, style: style)
        if width == 2 {
            cells[point.y * size.width + point.x + 1] = Cell(character: " ", style: style, isContinuation: true)
        }
        return width
    }

    /// Writes `text` on one line from `point`, no further than `maxWidth` columns; returns the
    /// columns written. Newlines and tabs are shown as spaces: lines are the caller's business.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, at point: Point, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let limit = point.x + (maxWidth ?? (size.width - point.x))
        var x = point.x
        for character in text {
            guard x < limit else { break }
            let shown: Character = (character == "\n" || character == "\t" || character == "\r\n") ? " " : character
            let used = put(shown, at: Point(x: x, y: point.y), style: style, limit: limit)
            if used == 0 { break }
            x += used
        }
        return x - point.x
    }

    /// Writes a styled line; `base` is merged under each span's style (a selected row's
    /// background shows through coloured spans).
    @discardableResult
    public mutating func write(_ line: StyledLine, at point: Point, base: Style = .plain, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (size.width - point.x)
        var used = 0
        for span in line.spans {
            guard used < limit else { break }
            used += write(span.text, at: Point(x: point.x + used, y: point.y), style: base.merged(with: span.style), maxWidth: limit - used)
        }
        return used
    }

    /// Fills `rect` with `character` in `style` (clears it by default).
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                put(character, at: Point(x: x, y: y), style: style)
            }
        }
    }

    /// Changes the style of the cells in `rect` without changing their text (selection bars).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * size.width + x].style = transform(cells[y * size.width + x].style)
            }
        }
    }

    /// Draws a frame around `rect` with an optional title on the top edge.
    public mutating func drawBox(_ rect: Rect, borders: BorderSet, style: Style = .plain, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        for x in (left + 1)..<right {
            put(borders.horizontal, at: Point(x: x, y: top), style: style)
            put(borders.horizontal, at: Point(x: x, y: bottom), style: style)
        }
        for y in (top + 1)..<bottom {
            put(borders.vertical, at: Point(x: left, y: y), style: style)
            put(borders.vertical, at: Point(x: right, y: y), style: style)
        }
        put(borders.topLeft, at: Point(x: left, y: top), style: style)
        put(borders.topRight, at: Point(x: right, y: top), style: style)
        put(borders.bottomLeft, at: Point(x: left, y: bottom), style: style)
        put(borders.bottomRight, at: Point(x: right, y: bottom), style: style)
        if let title, rect.width > 4 {
            write(" \(title) ", at: Point(x: left + 1, y: top), style: titleStyle ?? style, maxWidth: rect.width - 2)
        }
    }

    // MARK: Reading a frame (tests, tmux-free assertions, diffs)

    /// The text of row `y`, trailing spaces kept (continuation cells contribute nothing).
    public func row(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation {
            text.append(self[x, y].character)
        }
        return text
    }

    /// Every row with trailing spaces removed: what a person reading the terminal sees.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = row(y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The frame as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }

    /// The first cell where `needle` starts, scanning rows top to bottom.
    public func find(_ needle: String) -> Point? {
        for y in 0..<size.height {
            // Map character offsets in the row text back to columns.
            var columns: [Int] = []
            var rowText = ""
            for x in 0..<size.width where !self[x, y].isContinuation {
                columns.append(x)
                rowText.append(self[x, y].character)
            }
            if let range = rowText.range(of: needle) {
                return Point(x: columns[rowText.distance(from: rowText.startIndex, to: range.lowerBound)], y: y)
            }
        }
        return nil
    }

    /// The style of the cell at (`x`, `y`).
    public func style(atX x: Int, y: Int) -> Style { self[x, y].style }

    private mutating func clearWideNeighbours(at x: Int, row y: Int, width: Int) {
        let base = y * size.width
        // Overwriting the right half of a wide character blanks its left half.
        if cells[base + x].isContinuation, x > 0 {
            cells[base + x - 1] = Cell(character: " ", style: cells[base + x - 1].style)
        }
        // Overwriting the left half of a wide character blanks its right half.
        let last = x + width - 1
        if last + 1 < size.width, cells[base + last + 1].isContinuation {
            cells[base + last + 1] = Cell(character: " ", style: cells[base + last + 1].style)
        }
    }
}

/// The characters frames are drawn with: box-drawing, or ASCII for terminals and fonts
/// without them (lazygit's `border` setting, btop's documented font requirement).
public struct BorderSet: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public static let rounded = BorderSet(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    public static let single = BorderSet(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}
