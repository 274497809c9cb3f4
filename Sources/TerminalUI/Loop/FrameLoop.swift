import Foundation
import LabCore

/// Runs a `TerminalApplication` on a `Terminal`: input and messages are applied as they arrive;
/// frames for messages are drawn at most `framesPerSecond` times a second, a frame for input at once.
///
/// Messages sent while the loop is busy are queued and applied together on its next turn, so a
/// burst of 5,000 telemetry messages is one wake-up, and a keypress waits behind at most one
/// batch, never behind frames. Time comes from the injected clock: tests use `ManualClock` and
/// see exactly which changes share a frame.
public actor FrameLoop<App: TerminalApplication> {
    private enum Wake: Sendable {
        case input(InputEvent)
        case inputEnded
        case messages
        case frameDue
    }

    public private(set) var app: App
    private let terminal: any Terminal
    private let clock: any LabClock
    private var pacer: FramePacer
    private var size: Size
    private var timer: Task<Void, Never>?
    private let inbox = Inbox<App.Message>()
    private let wakes: AsyncStream<Wake>
    private let wake: AsyncStream<Wake>.Continuation

    public init(app: App, terminal: any Terminal, clock: any LabClock, framesPerSecond: Double = 30) {
        self.app = app
        self.terminal = terminal
        self.clock = clock
        self.pacer = FramePacer(framesPerSecond: framesPerSecond)
        self.size = terminal.size
        (wakes, wake) = AsyncStream.makeStream(of: Wake.self)
    }

    /// Hands a message to the application from any task; it is applied on the loop's next turn.
    public nonisolated func send(_ message: App.Message) {
        if inbox.post(message) { wake.yield(.messages) }
    }

    /// Draws the first frame, then runs until the application quits or the input ends; returns
    /// the application's final state (the workbench saves progress from it).
    public func run() async -> App {
        let forwarder = Task { [terminal, wake] in
            for await event in terminal.events { wake.yield(.input(event)) }
            wake.yield(.inputEnded)
        }
        defer {
            forwarder.cancel()
            timer?.cancel()
        }
        size = terminal.size
        pacer.invalidate()
        drawIfDue()
        for await wake in wakes {
            switch wake {
            case .input(let event):
                if case .resize(let newSize) = event { size = newSize }
                if app.handle(event, screenSize: size) == .quit { return app }
                pacer.invalidateForInput()
            case .inputEnded:
                return app
            case .messages:
                for message in inbox.drain() where app.receive(message) == .quit { return app }
                pacer.invalidate()
            case .frameDue:
                timer = nil
            }
            drawIfDue()
        }
        return app
    }

    /// Marks the screen as changed without a message (an animation tick).
    public func setNeedsDisplay() {
        pacer.invalidate()
        drawIfDue()
    }

    private func drawIfDue() {
        switch pacer.decision(at: clock.now()) {
        case .idle:
            return
        case .drawNow:
            var screen = Screen(size: size)
            app.render(on: &screen)
            terminal.present(screen)
            pacer.didDraw(at: clock.now())
        case .drawAt(let due):
            guard timer == nil else { return }
            timer = Task { [clock, wake] in
                do {
                    try await clock.sleep(until: due)
                    wake.yield(.frameDue)
                } catch {
                    // Cancelled: the loop is ending.
                }
            }
        }
    }
}

/// Messages waiting for the loop; `post` says whether the loop must be woken (the queue was empty).
private final class Inbox<Message: Sendable>: @unchecked Sendable {
    // Guarded by `lock`: messages are posted from any task.
    private var pending: [Message] = []
    private let lock = NSLock()

    func post(_ message: Message) -> Bool {
        lock.withLock {
            pending.append(message)
            return pending.count == 1
        }
    }

    func drain() -> [Message] {
        lock.withLock {
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}
