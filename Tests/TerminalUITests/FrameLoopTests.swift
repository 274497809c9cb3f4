import Foundation
import LabCore
import Testing
@testable import TerminalUI

/// A counter application: each message adds to the total, `q` quits.
private struct Counter: TerminalApplication {
    var total = 0
    var keys: [Key] = []

    mutating func handle(_ event: InputEvent, screenSize: Size) -> LoopControl {
        if case .key(let key) = event {
            if key == .character("q") { return .quit }
            keys.append(key)
        }
        return .continue
    }

    mutating func receive(_ message: Int) -> LoopControl {
        total += message
        return .continue
    }

    func render(on screen: inout Screen) {
        screen.write("total \(total) keys \(keys.count)", at: Point(x: 0, y: 0))
    }
}

@Suite struct FrameLoopTests {
    /// A running loop on a manual clock, after its first frame.
    private func start() async -> (ManualClock, MemoryTerminal, FrameLoop<Counter>, Task<Counter, Never>) {
        let clock = ManualClock()
        let terminal = MemoryTerminal(size: Size(width: 30, height: 2))
        let loop = FrameLoop(app: Counter(), terminal: terminal, clock: clock)
        let running = Task { await loop.run() }
        await terminal.waitForFrames(1)
        return (clock, terminal, loop, running)
    }

    @Test func aFloodOfMessagesIsDrawnAsOneFrameAtTheNextIntervalAndAKeyAtOnce() async throws {
        let (clock, terminal, loop, running) = await start()
        #expect(terminal.lastFrame?.lines.first == "total 0 keys 0")

        for _ in 0..<5000 { loop.send(1) }
        while await loop.app.total < 5000 { await Task.yield() }
        // The messages wait for the frame interval: one timer, no frame yet.
        await clock.waitForSleepers(1)
        #expect(terminal.frames.count == 1)
        clock.advance(by: 1.0 / 30)
        await terminal.waitForFrames(2)
        #expect(terminal.frames[1].lines.first == "total 5000 keys 0")
        // A key right after that frame is drawn at once, not at the end of the next interval.
        terminal.send(.char("x"))
        await terminal.waitForFrames(3)
        #expect(terminal.frames[2].lines.first == "total 5000 keys 1")
        terminal.send(.char("q"))
        let final = await running.value
        #expect(final.keys == [.character("x")])
        #expect(terminal.frames.count == 3)
    }

    @Test func aResizeRedrawsAtTheNewSize() async throws {
        let (clock, terminal, _, running) = await start()
        clock.advance(by: 1)
        terminal.resize(to: Size(width: 12, height: 3))
        await terminal.waitForFrames(2)
        #expect(terminal.lastFrame?.size == Size(width: 12, height: 3))
        #expect(terminal.lastFrame?.lines.first == "total 0 keys")
        terminal.close()
        _ = await running.value
    }
}
