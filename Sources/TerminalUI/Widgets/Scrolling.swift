/// Scroll arithmetic shared by every scrolling widget.
enum Scrolling {
    /// The first visible row so that row `index` is visible in `height` rows, moving as little
    /// as possible from `offset`, and never past the end of `count` rows.
    static func offset(keeping index: Int, visibleRows height: Int, from offset: Int, count: Int) -> Int {
        guard height > 0, count > 0 else { return 0 }
        var top = offset
        if index < top { top = index }
        if index >= top + height { top = index - height + 1 }
        return clamp(top, visibleRows: height, count: count)
    }

    /// `offset` limited to the rows that exist.
    static func clamp(_ offset: Int, visibleRows height: Int, count: Int) -> Int {
        min(max(0, offset), max(0, count - height))
    }

    /// Draws a scrollbar in the column `track` when `count` rows do not fit in its height.
    static func drawScrollbar(in track: Rect, offset: Int, count: Int, on screen: inout Screen, style: Style) {
        let height = track.height
        guard height > 0, count > height else { return }
        let thumb = max(1, height * height / count)
        let top = min(height - thumb, (height - thumb) * offset / max(1, count - height))
        for row in 0..<height {
            let inThumb = row >= top && row < top + thumb
            screen.put(inThumb ? "┃" : "│", at: Point(x: track.x, y: track.y + row), style: inThumb ? style : style.adding(.dim))
        }
    }
}
