import Testing
@testable import TerminalUI

@Suite struct LogViewTests {
    func log(_ count: Int, capacity: Int = 100) -> LogView {
        var log = LogView(capacity: capacity)
        log.append(contentsOf: (1...count).map { StyledLine("msg \($0)") })
        return log
    }

    @Test func followsTheNewestLines() {
        var view = log(10)
        #expect(render(view, width: 30, height: 4).lines == ["msg 8", "msg 9", "msg 10", "following · 10 lines"])
        view.append("msg 11")
        #expect(render(view, width: 30, height: 4).lines[2] == "msg 11")
    }

    @Test func pauseFreezesTheViewWhileLinesKeepArriving() {
        var view = log(10)
        press(&view, .character("p"), height: 4)
        view.append(contentsOf: ["msg 11", "msg 12"])
        #expect(view.isPaused)
        #expect(render(view, width: 40, height: 4).lines == ["msg 8", "msg 9", "msg 10", "⏸ paused · 2 new · p resume"])
        press(&view, .character("p"), height: 4)
        #expect(render(view, width: 40, height: 4).lines[2] == "msg 12")
    }

    @Test func scrollingUpStopsFollowingAndFollowReturnsToTheEnd() {
        var view = log(10)
        press(&view, .up, .up, height: 4)
        #expect(!view.isFollowing)
        view.append("msg 11")
        #expect(render(view, width: 30, height: 4).lines == ["msg 6", "msg 7", "msg 8", "scrolled · f follow"])
        press(&view, .character("f"), height: 4)
        #expect(render(view, width: 30, height: 4).lines[2] == "msg 11")
        press(&view, .up, .down, .down, height: 4)
        #expect(view.isFollowing)
    }

    @Test func theBufferKeepsOnlyTheNewestLines() {
        var view = log(10, capacity: 5)
        view.append(contentsOf: (11...1000).map { StyledLine("msg \($0)") })
        #expect(view.lines.count == 5)
        #expect(view.lines.first?.text == "msg 996")
        #expect(view.lines.last?.text == "msg 1000")
        #expect(view.appendedCount == 1000)
        press(&view, .character("g"), height: 4)
        #expect(render(view, width: 30, height: 4).lines[0] == "msg 996")
    }

    @Test func aPausedViewWhoseLinesWereDroppedShowsTheOldestKept() {
        var view = log(10, capacity: 5)
        press(&view, .character("p"), .up, .up, .up, height: 4)
        view.append(contentsOf: (11...20).map { StyledLine("msg \($0)") })
        #expect(render(view, width: 40, height: 4).lines[0...2] == ["msg 16", "msg 17", "msg 18"])
    }
}
