/// A row of a list: its text and an optional right-aligned detail (a status, a count).
public struct ListItem: Hashable, Sendable {
    public var text: String
    public var detail: String?
    /// Overrides the row's text style (a failed check in red), except when selected.
    public var style: Style?

    public init(_ text: String, detail: String? = nil, style: Style? = nil) {
        self.text = text
        self.detail = detail
        self.style = style
    }
}

/// A selectable list with a `/` filter and a "3 of 20" footer (lazygit's `showListFooter`).
///
/// Selection and actions are reported as indices into `items` (not into the filtered rows), so
/// the owner maps them back to its data without knowing about the filter. Keys: `↑↓`/`jk`,
/// `pgup`/`pgdn`, `g`/`G`, `enter` to open, `/` to filter; a click selects a row and a click on
/// the selected row opens it; the wheel scrolls.
public struct ListView: Widget {
    public enum Action: Hashable, Sendable {
        case selected(Int)
        case activated(Int)
    }

    public private(set) var items: [ListItem]
    public private(set) var selectedIndex: Int?
    public private(set) var filter = FilterPrompt()
    private var offset = 0

    public init(items: [ListItem] = []) {
        self.items = items
        self.selectedIndex = items.isEmpty ? nil : 0
    }

    /// Replaces the items, keeping the selection on the row with the same text when there is one.
    public mutating func setItems(_ newItems: [ListItem]) {
        let previous = selectedIndex.flatMap { items.indices.contains($0) ? items[$0].text : nil }
        items = newItems
        if let previous, let same = newItems.firstIndex(where: { $0.text == previous }) {
            selectedIndex = same
        } else if let selected = selectedIndex {
            selectedIndex = newItems.isEmpty ? nil : min(selected, newItems.count - 1)
        } else {
            selectedIndex = newItems.isEmpty ? nil : 0
        }
        reselectIfFiltered()
    }

    /// Selects the item at `index` (an index into `items`) if the filter shows it.
    public mutating func select(_ index: Int) {
        if visibleIndices.contains(index) { selectedIndex = index }
    }

    /// The indices into `items` of the rows the filter lets through, in order.
    public var visibleIndices: [Int] {
        items.indices.filter { filter.matches(items[$0].text + " " + (items[$0].detail ?? "")) }
    }

    public var selectedItem: ListItem? { selectedIndex.map { items[$0] } }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard area.height > 0 else { return }
        let theme = context.theme
        let (rowsArea, footer) = area.splitBottom(area.height > 1 ? 1 : 0)
        let visible = visibleIndices
        let top = topRow(visible: visible, height: rowsArea.height)
        for row in 0..<rowsArea.height {
            let position = top + row
            let y = rowsArea.y + row
            guard position < visible.count else { break }
            let item = items[visible[position]]
            let isSelected = visible[position] == selectedIndex
            let base = isSelected ? (context.isFocused ? theme.selection : theme.inactiveSelection) : (item.style ?? theme.text)
            screen.fill(Rect(x: rowsArea.x, y: y, width: rowsArea.width, height: 1), style: isSelected ? base : .plain)
            var detailWidth = 0
            if let detail = item.detail, rowsArea.width > 10 {
                detailWidth = min(detail.displayWidth, rowsArea.width / 2)
                screen.write(detail.truncated(toWidth: detailWidth), at: Point(x: rowsArea.maxX - detailWidth - 1, y: y),
                             style: isSelected ? base : theme.dim, maxWidth: detailWidth)
            }
            let room = rowsArea.width - 2 - (detailWidth > 0 ? detailWidth + 2 : 0)
            screen.write(item.text.truncated(toWidth: max(0, room)), at: Point(x: rowsArea.x + 1, y: y), style: base, maxWidth: max(0, room))
        }
        if visible.isEmpty, rowsArea.height > 0 {
            screen.write(filter.text.isEmpty ? " (empty)" : " no match for \"\(filter.text)\"", at: Point(x: rowsArea.x, y: rowsArea.y), style: theme.dim, maxWidth: rowsArea.width)
        }
        guard footer.height > 0 else { return }
        screen.fill(footer)
        if filter.isActive {
            filter.render(at: Point(x: footer.x, y: footer.y), width: footer.width / 2, on: &screen, theme: theme)
        }
        let position = selectedIndex.flatMap { visible.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let counter = visible.count == items.count ? "\(position) of \(items.count)" : "\(position) of \(visible.count) (\(items.count))"
        let width = counter.displayWidth
        if width < footer.width { screen.write(counter, at: Point(x: footer.maxX - width - 1, y: footer.y), style: theme.dim) }
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action> {
        let rows = max(1, area.height - 1)
        switch event {
        case .key(let key):
            if let changed = filter.handle(key) {
                if changed { reselectIfFiltered() }
                return selectionResult(changed: changed)
            }
            return handleKey(key, rows: rows)
        case .mouse(let mouse):
            return handleMouse(mouse, in: area, rows: rows)
        default:
            return .ignored
        }
    }

    public var keyHints: [KeyHint] {
        if filter.isEditing {
            return [KeyHint(.enter, "keep filter"), KeyHint(.escape, "clear filter")]
        }
        return [KeyHint(.enter, "open"), KeyHint(.character("/"), "filter")]
    }

    // MARK: Private

    private mutating func handleKey(_ key: Key, rows: Int) -> EventResult<Action> {
        let visible = visibleIndices
        guard !visible.isEmpty else { return .ignored }
        let current = selectedIndex.flatMap { visible.firstIndex(of: $0) } ?? 0
        let target: Int
        switch key {
        case .up, .character("k"): target = current - 1
        case .down, .character("j"): target = current + 1
        case .pageUp: target = current - rows
        case .pageDown: target = current + rows
        case .home, .character("g"): target = 0
        case .end, .character("G"): target = visible.count - 1
        case .enter:
            guard let selectedIndex else { return .ignored }
            return .action(.activated(selectedIndex))
        default:
            return .ignored
        }
        return moveSelection(to: target, in: visible, rows: rows)
    }

    private mutating func handleMouse(_ mouse: MouseEvent, in area: Rect, rows: Int) -> EventResult<Action> {
        guard area.contains(mouse.position) else { return .ignored }
        let visible = visibleIndices
        let current = selectedIndex.flatMap { visible.firstIndex(of: $0) } ?? 0
        switch mouse.kind {
        case .scrollUp: return moveSelection(to: current - 3, in: visible, rows: rows)
        case .scrollDown: return moveSelection(to: current + 3, in: visible, rows: rows)
        case .click, .rightClick:
            let row = mouse.position.y - area.y
            let position = topRow(visible: visible, height: rows) + row
            guard row < rows, position < visible.count else { return .handled }
            let index = visible[position]
            if index == selectedIndex && mouse.kind == .click { return .action(.activated(index)) }
            selectedIndex = index
            return .action(.selected(index))
        }
    }

    private mutating func moveSelection(to target: Int, in visible: [Int], rows: Int) -> EventResult<Action> {
        guard !visible.isEmpty else { return .ignored }
        let position = min(max(0, target), visible.count - 1)
        let index = visible[position]
        offset = Scrolling.offset(keeping: position, visibleRows: rows, from: offset, count: visible.count)
        guard index != selectedIndex else { return .handled }
        selectedIndex = index
        return .action(.selected(index))
    }

    private func selectionResult(changed: Bool) -> EventResult<Action> {
        guard changed, let selectedIndex else { return .handled }
        return .action(.selected(selectedIndex))
    }

    /// After the filter changed: keep the selection if still shown, else the first shown row.
    private mutating func reselectIfFiltered() {
        let visible = visibleIndices
        if let selectedIndex, visible.contains(selectedIndex) { return }
        selectedIndex = visible.first ?? selectedIndex
        offset = 0
    }

    private func topRow(visible: [Int], height: Int) -> Int {
        let position = selectedIndex.flatMap { visible.firstIndex(of: $0) } ?? 0
        return Scrolling.offset(keeping: position, visibleRows: height, from: offset, count: visible.count)
    }
}
