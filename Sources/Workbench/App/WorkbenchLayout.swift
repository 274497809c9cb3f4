import TerminalUI

/// Where everything goes on a screen of a given size: the title row, the body split in two
/// (stacked on narrow terminals), the tab row and pane on the right, the key bar at the bottom.
/// Rendering and input use the same layout, so clicks land where things are drawn.
struct WorkbenchLayout {
    let screen: Rect
    let title: Rect
    let keyBar: Rect
    let left: Rect
    let right: Rect
    /// Inside the left panel of the lab runner: instructions above, checks below.
    let instructions: Rect
    let checks: Rect
    /// Inside the right panel: the tab row and the selected pane.
    let tabs: Rect
    let pane: Rect

    init(size: Size, page: WorkbenchApp.Page, checkRows: Int = 8) {
        screen = Rect(size: size)
        let (top, rest) = screen.splitTop(1)
        let (body, bottom) = rest.splitBottom(1)
        title = top
        keyBar = bottom
        let split = SplitLayout(axis: .horizontal, ratio: page == .home ? 0.64 : 0.5)
        let panes = split.panes(in: body)
        left = panes.first
        right = panes.second
        let leftInside = left.insetBy(dx: 1, dy: 1)
        let checkHeight = min(checkRows + 1, max(0, leftInside.height / 2))
        let split2 = leftInside.splitBottom(checkHeight)
        instructions = split2.rest
        checks = split2.bottom
        let rightInside = right.insetBy(dx: 1, dy: 1)
        let (tabRow, paneArea) = rightInside.splitTop(1)
        tabs = tabRow
        pane = paneArea
    }
}
