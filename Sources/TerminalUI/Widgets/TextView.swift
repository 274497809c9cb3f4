/// A scrolling view of text: plain styled lines, or Markdown rendered for the view's width
/// (a lab step's instructions). `↑↓`/`jk` scroll a line, `pgup`/`pgdn`/`space` a page, `g`/`G`
/// to the ends, the wheel three lines; a scrollbar shows where the view is.
public struct TextView: Widget {
    public typealias Action = Never

    public enum Content: Hashable, Sendable {
        /// Lines wrapped at spaces to the view's width.
        case lines([StyledLine])
        case markdown(String)
    }

    public var content: Content
    public private(set) var offset = 0

    public init(_ content: Content) {
        self.content = content
    }

    public init(markdown: String) {
        self.init(.markdown(markdown))
    }

    /// The lines as shown at `width`: wrapped, or rendered from Markdown.
    public func displayLines(width: Int, theme: Theme = .standard) -> [StyledLine] {
        switch content {
        case .lines(let lines): lines.flatMap { $0.wrapped(toWidth: width) }
        case .markdown(let source): MarkdownRenderer(theme: theme).render(source, width: width)
        }
    }

    /// Replaces the text and goes back to the top.
    public mutating func setContent(_ content: Content) {
        self.content = content
        offset = 0
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard !area.isEmpty else { return }
        let textWidth = area.width - 1
        let lines = displayLines(width: textWidth, theme: context.theme)
        let top = Scrolling.clamp(offset, visibleRows: area.height, count: lines.count)
        for row in 0..<area.height where top + row < lines.count {
            screen.write(lines[top + row], at: Point(x: area.x, y: area.y + row), maxWidth: textWidth)
        }
        Scrolling.drawScrollbar(in: Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height),
                                offset: top, count: lines.count, on: &screen, style: context.theme.border)
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Never> {
        let count = displayLines(width: area.width - 1).count
        let page = max(1, area.height - 1)
        let target: Int
        switch event {
        case .key(.up), .key(.character("k")): target = offset - 1
        case .key(.down), .key(.character("j")): target = offset + 1
        case .key(.pageUp): target = offset - page
        case .key(.pageDown), .key(.character(" ")): target = offset + page
        case .key(.home), .key(.character("g")): target = 0
        case .key(.end), .key(.character("G")): target = count
        case .mouse(let mouse) where area.contains(mouse.position) && mouse.kind == .scrollUp: target = offset - 3
        case .mouse(let mouse) where area.contains(mouse.position) && mouse.kind == .scrollDown: target = offset + 3
        default: return .ignored
        }
        offset = Scrolling.clamp(target, visibleRows: area.height, count: count)
        return .handled
    }

    public var keyHints: [KeyHint] { [KeyHint(label: "↑↓ pgup pgdn", "scroll")] }
}
