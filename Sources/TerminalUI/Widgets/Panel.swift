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
}
