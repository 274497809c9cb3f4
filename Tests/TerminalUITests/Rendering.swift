@testable import TerminalUI

/// Renders a widget on a fresh in-memory screen filling the whole screen.
func render(_ widget: some Drawable, width: Int = 40, height: Int = 10, theme: Theme = .standard, focused: Bool = true) -> Screen {
    var screen = Screen(width: width, height: height)
    widget.render(in: screen.bounds, on: &screen, context: RenderContext(theme: theme, isFocused: focused))
    return screen
}

/// Sends keys to a widget as if typed in an area of the given size; returns the last result.
@discardableResult
func press<W: Widget>(_ widget: inout W, _ keys: Key..., width: Int = 40, height: Int = 10) -> EventResult<W.Action> {
    var result: EventResult<W.Action> = .ignored
    for key in keys {
        result = widget.handle(.key(key), in: Rect(x: 0, y: 0, width: width, height: height))
    }
    return result
}

/// Types text one character at a time.
func type<W: Widget>(_ text: String, into widget: inout W, width: Int = 40, height: Int = 10) {
    for character in text {
        _ = widget.handle(.key(.character(character)), in: Rect(x: 0, y: 0, width: width, height: height))
    }
}
