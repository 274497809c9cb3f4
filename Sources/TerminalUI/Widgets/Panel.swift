extension Screen {
    /// Draws a bordered pane with its title (green and bold when focused, like lazygit's
    /// active border) and returns the area inside the border.
    @discardableResult
    public mutating func drawPanel(_ area: Rect, title: String?, context: RenderContext) -> Rect {
        guard area.width >= 3, area.height >= 3 else { return area }
        let theme = context.theme
        let border = context.isFocused ? theme.focusedBorder : theme.border
        drawBox(area, borders: theme.borders, style: border, title: title, titleStyle: context.isFocused ? border : theme.title)
        return area.insetBy(dx: 1, dy: 1)
    }

    /// Clears `box` over whatever is below and draws a focused pane there (the palette, the
    /// help overlay); returns the inside, or nil when the terminal is too small to show one.
    public mutating func drawOverlay(_ box: Rect, title: String, context: RenderContext, minimumInside: Size = Size(width: 3, height: 1)) -> Rect? {
        guard box.width >= minimumInside.width + 2, box.height >= minimumInside.height + 2 else { return nil }
        fill(box)
        return drawPanel(box, title: title, context: context)
    }
}
