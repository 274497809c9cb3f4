/// Whether the loop goes on after an event.
public enum LoopControl: Hashable, Sendable {
    case `continue`
    case quit
}

/// The state a `FrameLoop` runs: it takes input and messages and draws itself.
///
/// The workbench implements this as a value type holding its widgets; the loop's actor owns the
/// only copy, so widgets need no locks and background work (telemetry, journal events) reaches
/// the state only as `Message`s through `FrameLoop.send(_:)`.
public protocol TerminalApplication: Sendable {
    associatedtype Message: Sendable
    /// A key, click, resize or termination request.
    mutating func handle(_ event: InputEvent, screenSize: Size) -> LoopControl
    /// A message from outside the loop (a telemetry batch, a check result).
    mutating func receive(_ message: Message) -> LoopControl
    /// Draws the whole screen; called at most once a frame, on a cleared screen.
    func render(on screen: inout Screen)
}
