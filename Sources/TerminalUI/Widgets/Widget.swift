/// What a widget needs to know to draw itself besides its area.
public struct RenderContext: Sendable {
    public var theme: Theme
    /// Whether the widget has the keyboard: it draws its selection, border and cursor accordingly.
    public var isFocused: Bool

    public init(theme: Theme = .standard, isFocused: Bool = true) {
        self.theme = theme
        self.isFocused = isFocused
    }

    /// The same context without focus, for the panes around the focused one.
    public var unfocused: RenderContext {
        var copy = self
        copy.isFocused = false
        return copy
    }
}

/// Something that draws into an area of a `Screen` (sparklines, charts, the hint bar).
public protocol Drawable: Sendable {
    /// Draws within `area` only. Rendering never changes the widget: the same state always
    /// gives the same cells, which is what the unit tests rely on.
    func render(in area: Rect, on screen: inout Screen, context: RenderContext)
}

/// A drawable that also takes input.
///
/// Why widgets are `Sendable` value types (and not main-actor classes): a widget changes only
/// through `handle(_:in:)`, called by its owner, and draws with a non-mutating `render`, so
/// - the workbench keeps its whole state (widgets included) in one value that the `FrameLoop`
///   actor owns: no locks, no `@MainActor` hops, and background work reaches it only as
///   messages through `FrameLoop.send(_:)`;
/// - a test renders a widget on an in-memory `Screen`, presses keys and reads the rows, with
///   no terminal, thread or actor;
/// - curses, which is not thread-safe, never sees a widget: `CursesTerminal` receives finished
///   frames (`Screen` values) and makes every curses call on its own thread.
///
/// `handle(_:in:)` gets the same area the owner renders the widget in, so page keys know the
/// page height and mouse clicks can be mapped to rows without the widget remembering where it
/// was drawn.
public protocol Widget: Drawable {
    associatedtype Action: Sendable
    mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Action>
    /// The keys valid in this widget now, for the bottom bar and the help overlay.
    var keyHints: [KeyHint] { get }
}
