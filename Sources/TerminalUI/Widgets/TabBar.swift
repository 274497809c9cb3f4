/// A row of numbered tabs: `[`/`]` or `tab`/`shift-tab` move, digits jump (lazygit's panel
/// jumps, shown as the number before each title), a click selects.
public struct TabBar: Widget {
    public typealias Action = Int

    public var titles: [String]
    public private(set) var selectedIndex: Int

    public init(titles: [String], selectedIndex: Int = 0) {
        self.titles = titles
        self.selectedIndex = min(max(0, selectedIndex), max(0, titles.count - 1))
    }

    public var selectedTitle: String? { titles.indices.contains(selectedIndex) ? titles[selectedIndex] : nil }

    /// Selects tab `index` when it exists.
    public mutating func select(_ index: Int) {
        if titles.indices.contains(index) { selectedIndex = index }
    }

    /// Where each tab sits on the row.
    public func layout(in area: Rect) -> [Rect] {
        var frames: [Rect] = []
        var x = area.x
        for label in labels(fitting: area.width) {
            let width = label.displayWidth
            frames.append(Rect(x: x, y: area.y, width: min(width, max(0, area.maxX - x)), height: 1))
            x += width + 1
        }
        return frames
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard area.height > 0 else { return }
        screen.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        let labels = labels(fitting: area.width)
        for (index, frame) in layout(in: area).enumerated() where frame.width > 0 {
            let selected = index == selectedIndex
            let style = selected ? (context.isFocused ? context.theme.selection : context.theme.inactiveSelection) : context.theme.text
            screen.write(labels[index], at: Point(x: frame.x, y: frame.y), style: style, maxWidth: frame.width)
            if !selected, index < 9 {
                let digit = labels[index].hasPrefix(" ") ? 1 : 0
                screen.restyle(Rect(x: frame.x + digit, y: frame.y, width: 1, height: 1)) { _ in context.theme.hotkey }
            }
        }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Int> {
        guard !titles.isEmpty else { return .ignored }
        switch event {
        case .key(.character("]")), .key(.tab):
            return move(to: (selectedIndex + 1) % titles.count)
        case .key(.character("[")), .key(.backTab):
            return move(to: (selectedIndex + titles.count - 1) % titles.count)
        case .key(.character(let c)):
            guard let digit = c.wholeNumberValue, digit >= 1, digit <= min(9, titles.count) else { return .ignored }
            return move(to: digit - 1)
        case .mouse(let mouse) where mouse.kind == .click:
            guard let index = layout(in: area).firstIndex(where: { $0.contains(mouse.position) }) else { return .ignored }
            return move(to: index)
        default:
            return .ignored
        }
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.character("]"), "next tab", label: "[ ]"), KeyHint(label: "1-\(min(9, titles.count))", "jump to tab")]
    }

    private mutating func move(to index: Int) -> EventResult<Int> {
        selectedIndex = index
        return .action(index)
    }

    /// Each tab's label. When the titles do not all fit in `width`, the tabs not selected are
    /// shortened to their first letters, as many as fit (`2 Even`, then `2 Ev`, then only `2`),
    /// so every tab stays on the row, the selected one with its whole title.
    private func labels(fitting width: Int) -> [String] {
        let full = titles.enumerated().map { Self.label($0.offset, $0.element) }
        guard Self.rowWidth(full) > width else { return full }
        let longest = titles.map(\.count).max() ?? 0
        for length in stride(from: longest - 1, through: 0, by: -1) {
            let shortened = titles.indices.map { index in
                index == selectedIndex || index >= 9 ? full[index] : Self.shortLabel(index, String(titles[index].prefix(length)))
            }
            if length == 0 || Self.rowWidth(shortened) <= width { return shortened }
        }
        return full
    }

    /// The labels' width with one space between them.
    private static func rowWidth(_ labels: [String]) -> Int {
        labels.reduce(0) { $0 + $1.displayWidth + 1 } - 1
    }

    private static func label(_ index: Int, _ title: String) -> String {
        index < 9 ? " \(index + 1) \(title) " : " \(title) "
    }

    /// A shortened label, without the padding a whole one has: `2 Even`, or `2` alone.
    private static func shortLabel(_ index: Int, _ title: String) -> String {
        title.isEmpty ? "\(index + 1)" : "\(index + 1) \(title)"
    }
}
