import Foundation
import Testing
@testable import TerminalUI

@Suite struct FramePacerTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func theFirstChangeIsDrawnAtOnce() {
        var pacer = FramePacer(framesPerSecond: 30)
        #expect(pacer.decision(at: start) == .idle)
        pacer.invalidate()
        #expect(pacer.decision(at: start) == .drawNow)
    }

    @Test func changesWithinAFrameIntervalShareOneFrame() {
        var pacer = FramePacer(framesPerSecond: 30)
        pacer.invalidate()
        pacer.didDraw(at: start)
        for _ in 0..<1000 { pacer.invalidate() }
        let due = start.addingTimeInterval(1.0 / 30)
        #expect(pacer.decision(at: start.addingTimeInterval(0.01)) == .drawAt(due))
        #expect(pacer.decision(at: due) == .drawNow)
        pacer.didDraw(at: due)
        #expect(pacer.decision(at: due.addingTimeInterval(1)) == .idle)
    }

    @Test func frameRateIsClamped() {
        #expect(FramePacer(framesPerSecond: 0).minimumInterval == 1)
        #expect(FramePacer(framesPerSecond: 1000).minimumInterval == 1.0 / 120)
    }

    @Test func aKeyIsDrawnAtOnceWhileMessagesWaitForTheInterval() {
        var pacer = FramePacer(framesPerSecond: 30)
        pacer.invalidate()
        pacer.didDraw(at: start)
        pacer.invalidate()
        #expect(pacer.decision(at: start.addingTimeInterval(0.001)) == .drawAt(start.addingTimeInterval(1.0 / 30)))
        pacer.invalidateForInput()
        #expect(pacer.decision(at: start.addingTimeInterval(0.001)) == .drawNow)
        pacer.didDraw(at: start.addingTimeInterval(0.001))
        pacer.invalidate()
        #expect(pacer.decision(at: start.addingTimeInterval(0.002)) == .drawAt(start.addingTimeInterval(0.001 + 1.0 / 30)))
    }
}
