/// The `?` overlay: every key valid on the current screen, grouped, filterable with `/`
/// (lazygit's keybindings menu, k9s' `?`); `esc`, `?` or `q` close it.
public struct HelpOverlay: Widget {
    public enum Action: Hashable, Sendable {
        case dismissed
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var hints: [KeyHint]

        public init(_ title: String, _ hints: [KeyHint]) {
            self.title = title
            self.hints = hints
        }
    }

    public var sections: [Section]
    public private(set) var filter = FilterPrompt()
    private var offset = 0

    public init(sections: [Section]) {
        self.sections = sections
    }

    /// The rows shown: section titles and their matching keys.
    func rows(theme: Theme) -> [StyledLine] {
        let labelWidth = (sections.flatMap { $0.hints.map { $0.label.displayWidth } }.max() ?? 0) + 2
        var rows: [StyledLine] = []
        for section in sections {
            let hints = section.hints.filter { filter.matches($0.label + " " + $0.description + " " + section.title) }
            guard !hints.isEmpty else { continue }
            if !rows.isEmpty { rows.append(StyledLine()) }
            rows.append(StyledLine(section.title, style: theme.heading))
            for hint in hints {
                rows.append(StyledLine([Span("  " + hint.label.padded(toWidth: labelWidth), style: theme.hotkey), Span(hint.description)]))
            }
        }
        return rows
    }

    public func frame(in area: Rect) -> Rect {
        area.centered(Size(width: min(area.width - 2, 72), height: area.height - 2))
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let theme = context.theme
        guard let inner = screen.drawOverlay(frame(in: area), title: "keys", context: context, minimumInside: Size(width: 3, height: 2)) else { return }
        let (body, footer) = inner.splitBottom(1)
        let lines = rows(theme: theme)
        let top = Scrolling.clamp(offset, visibleRows: body.height, count: lines.count)
        for row in 0..<body.height where top + row < lines.count {
            screen.write(lines[top + row], at: Point(x: body.x + 1, y: body.y + row), maxWidth: body.width - 2)
        }
        if filter.isActive {
            filter.render(at: Point(x: footer.x + 1, y: footer.y), width: footer.width - 2, on: &screen, theme: theme)
        } else {
            screen.write("/ filter  esc close", at: Point(x: footer.x + 1, y: footer.y), style: theme.dim, maxWidth: footer.width - 2)
        }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action> {
        let height = max(1, frame(in: area).height - 3)
        let count = rows(theme: .standard).count
        guard case .key(let key) = event else {
            if case .mouse(let mouse) = event, mouse.kind == .scrollDown || mouse.kind == .scrollUp {
                offset = Scrolling.clamp(offset + (mouse.kind == .scrollDown ? 3 : -3), visibleRows: height, count: count)
            }
            return .handled
        }
        if let changed = filter.handle(key) {
            if changed { offset = 0 }
            return .handled
        }
        switch key {
        case .escape, .character("?"), .character("q"): return .action(.dismissed)
        case .up, .character("k"): offset = Scrolling.clamp(offset - 1, visibleRows: height, count: count)
        case .down, .character("j"): offset = Scrolling.clamp(offset + 1, visibleRows: height, count: count)
        case .pageUp: offset = Scrolling.clamp(offset - height, visibleRows: height, count: count)
        case .pageDown, .character(" "): offset = Scrolling.clamp(offset + height, visibleRows: height, count: count)
        default: break
        }
        return .handled
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.character("/"), "filter"), KeyHint(.escape, "close")]
    }
}
