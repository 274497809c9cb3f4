/// The styles widgets draw with, by meaning rather than colour, so one switch turns the whole
/// workbench monochrome for `NO_COLOR` (no-color.org: colour off, attributes kept).
public struct Theme: Hashable, Sendable {
    public var text: Style
    public var dim: Style
    public var border: Style
    public var focusedBorder: Style
    public var title: Style
    public var selection: Style
    /// A selected row in a list that does not have focus.
    public var inactiveSelection: Style
    public var hotkey: Style
    public var heading: Style
    public var emphasis: Style
    public var strong: Style
    public var code: Style
    public var link: Style
    public var quote: Style
    public var success: Style
    public var warning: Style
    public var error: Style
    public var jsonKey: Style
    public var jsonString: Style
    public var jsonNumber: Style
    public var jsonLiteral: Style
    public var jsonPunctuation: Style
    public var chart: Style
    public var borders: BorderSet

    /// The default palette: the 16 ANSI colours only, so it reads the same on every terminal.
    public static let standard = Theme(
        text: .plain,
        dim: Style(attributes: .dim),
        border: Style(foreground: .brightBlack),
        focusedBorder: Style(foreground: .green, attributes: .bold),
        title: Style(attributes: .bold),
        selection: Style(foreground: .black, background: .cyan),
        inactiveSelection: Style(attributes: .reverse),
        hotkey: Style(foreground: .cyan, attributes: .bold),
        heading: Style(foreground: .yellow, attributes: .bold),
        emphasis: Style(attributes: .italic),
        strong: Style(attributes: .bold),
        code: Style(foreground: .green),
        link: Style(foreground: .blue, attributes: .underline),
        quote: Style(foreground: .brightBlack, attributes: .italic),
        success: Style(foreground: .green, attributes: .bold),
        warning: Style(foreground: .yellow),
        error: Style(foreground: .red, attributes: .bold),
        jsonKey: Style(foreground: .cyan),
        jsonString: Style(foreground: .green),
        jsonNumber: Style(foreground: .magenta),
        jsonLiteral: Style(foreground: .yellow),
        jsonPunctuation: Style(foreground: .brightBlack),
        chart: Style(foreground: .cyan),
        borders: .rounded)

    /// No colours: selection and focus are shown with reverse and bold (htop's `-C`).
    public static let monochrome = Theme(
        text: .plain,
        dim: Style(attributes: .dim),
        border: .plain,
        focusedBorder: Style(attributes: .bold),
        title: Style(attributes: .bold),
        selection: Style(attributes: .reverse),
        inactiveSelection: Style(attributes: [.reverse, .dim]),
        hotkey: Style(attributes: [.bold, .underline]),
        heading: Style(attributes: [.bold, .underline]),
        emphasis: Style(attributes: .italic),
        strong: Style(attributes: .bold),
        code: Style(attributes: .dim),
        link: Style(attributes: .underline),
        quote: Style(attributes: .italic),
        success: Style(attributes: .bold),
        warning: Style(attributes: .bold),
        error: Style(attributes: [.bold, .reverse]),
        jsonKey: Style(attributes: .bold),
        jsonString: .plain,
        jsonNumber: .plain,
        jsonLiteral: Style(attributes: .italic),
        jsonPunctuation: Style(attributes: .dim),
        chart: .plain,
        borders: .rounded)

    /// `monochrome` when the environment sets `NO_COLOR` to anything non-empty, else `standard`.
    public static func forEnvironment(_ environment: [String: String]) -> Theme {
        TerminalOptions.colorIsDisabled(by: environment) ? .monochrome : .standard
    }
}
