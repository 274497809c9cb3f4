/// The bottom bar: the keys valid here, each key highlighted and clickable (lazygit's
/// `showBottomLine`, htop's function-key bar).
///
/// Hints that do not fit are dropped from the end, so the owner lists the most useful first;
/// `?` (all keys) is the one to keep last and visible, which `pinnedLast` ensures.
public struct KeyHintBar: Widget {
    public typealias Action = Key

    public var hints: [KeyHint]
    /// A hint kept at the right end whatever the width (usually `? help`).
    public var pinnedLast: KeyHint?

    public init(hints: [KeyHint], pinnedLast: KeyHint? = KeyHint(.character("?"), "help")) {
        self.hints = hints
        self.pinnedLast = pinnedLast
    }

    /// Where each shown hint sits, for drawing and for mouse clicks.
    public func layout(in area: Rect) -> [(frame: Rect, hint: KeyHint)] {
        var frames: [(Rect, KeyHint)] = []
        let pinnedWidth = pinnedLast.map { Self.width(of: $0) } ?? 0
        var x = area.x + 1
        for hint in hints {
            let width = Self.width(of: hint)
            if x + width > area.maxX - pinnedWidth - (pinnedLast == nil ? 0 : 2) { break }
            frames.append((Rect(x: x, y: area.y, width: width, height: 1), hint))
            x += width + 2
        }
        if let pinnedLast, pinnedWidth <= area.width - 1 {
            frames.append((Rect(x: area.maxX - pinnedWidth - 1, y: area.y, width: pinnedWidth, height: 1), pinnedLast))
        }
        return frames
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard area.height > 0 else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        screen.fill(row)
        for (frame, hint) in layout(in: row) {
            let used = screen.write(hint.label, at: Point(x: frame.x, y: frame.y), style: context.theme.hotkey, maxWidth: frame.width)
            screen.write(" " + hint.description, at: Point(x: frame.x + used, y: frame.y), style: context.theme.dim, maxWidth: frame.width - used)
        }
    }

    /// A click on a hint that carries a key acts as that key.
    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Key> {
        guard case .mouse(let mouse) = event, mouse.kind == .click else { return .ignored }
        for (frame, hint) in layout(in: area) where frame.contains(mouse.position) {
            if let key = hint.key { return .action(key) }
            return .handled
        }
        return .ignored
    }

    public var keyHints: [KeyHint] { [] }

    private static func width(of hint: KeyHint) -> Int {
        hint.label.displayWidth + 1 + hint.description.displayWidth
    }
}
