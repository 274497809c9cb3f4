/// How the terminal is set up; the workbench fills it from its flags (`--no-mouse`) and the
/// environment (`NO_COLOR`).
public struct TerminalOptions: Hashable, Sendable {
    public enum ColorMode: Hashable, Sendable {
        /// Colours when the terminal has them and `NO_COLOR` is not set.
        case automatic
        /// Attributes only (bold, reverse, underline), as `NO_COLOR` asks.
        case never
    }

    /// Report mouse clicks and wheel (on by default, like lazygit and htop; `--no-mouse` turns it off).
    public var mouse: Bool
    public var color: ColorMode
    /// Milliseconds to wait after ESC for the rest of an escape sequence; short so `esc` feels instant.
    public var escapeDelayMilliseconds: Int

    public init(mouse: Bool = true, color: ColorMode = .automatic, escapeDelayMilliseconds: Int = 25) {
        self.mouse = mouse
        self.color = color
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }

    /// Options for this environment: colour off when `NO_COLOR` is set to a non-empty value.
    public static func from(environment: [String: String], mouse: Bool = true) -> TerminalOptions {
        TerminalOptions(mouse: mouse, color: colorIsDisabled(by: environment) ? .never : .automatic)
    }

    /// The no-color.org rule: `NO_COLOR` present and not empty.
    public static func colorIsDisabled(by environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }
}
