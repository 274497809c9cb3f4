/// TerminalUI: the workbench's terminal toolkit.
///
/// How the pieces share state under Swift 6 strict concurrency:
/// - Widgets are `Sendable` value types. A widget draws with a non-mutating `render` into a
///   `Screen` (a value: a grid of cells) and changes only through a `mutating handle(_:in:)`, so
///   the owner (the workbench's state, isolated in `FrameLoop`) decides when anything changes and
///   a test renders a widget, presses keys and reads the rows without a terminal or a thread.
/// - Curses is not thread-safe: every curses call happens on the one thread `CursesTerminal`
///   starts for itself. The rest of the program hands it whole frames (`Screen` values) and reads
///   `InputEvent`s from an `AsyncStream`, so nothing else ever touches curses.
/// - `FrameLoop` is an actor: it applies input and application messages as they arrive and draws
///   at most ~30 frames a second (`FramePacer`, driven by an injected `LabClock`), so a flood of
///   telemetry costs cheap state changes, not frames, and never delays a keypress.
public enum TerminalUI {}
