import TerminalUI

/// Passes frames to the real terminal and reports when the first one is presented, which is how
/// the start-to-first-frame time (target < 500 ms) is measured and logged.
final class FirstFrameTerminal: Terminal, Sendable {
    private let base: any Terminal
    private let firstFrame: @Sendable () -> Void
    private let presentedOnce = Once()

    init(_ base: any Terminal, firstFrame: @escaping @Sendable () -> Void) {
        self.base = base
        self.firstFrame = firstFrame
    }

    var events: AsyncStream<InputEvent> { base.events }
    var size: Size { base.size }

    func present(_ frame: Screen) {
        base.present(frame)
        if presentedOnce.claim() { firstFrame() }
    }
}
