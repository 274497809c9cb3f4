/// Where frames go and input comes from: `CursesTerminal` in the app, `MemoryTerminal` in tests.
public protocol Terminal: Sendable {
    /// Input as it arrives. Read by one consumer (the `FrameLoop`).
    var events: AsyncStream<InputEvent> { get }
    /// The current size in cells.
    var size: Size { get }
    /// Shows `frame`. Never blocks: the frame is handed over and drawn by the terminal's own thread.
    func present(_ frame: Screen)
}
