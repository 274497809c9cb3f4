import Testing
@testable import TerminalUI

@Suite struct ScreenTests {
    @Test func writeIsClippedToTheScreenAndToMaxWidth() {
        var screen = Screen(width: 10, height: 2)
        #expect(screen.write("hello world", at: Point(x: 0, y: 0)) == 10)
        #expect(screen.row(0) == "hello worl")
        #expect(screen.write("abcdef", at: Point(x: 2, y: 1), maxWidth: 3) == 3)
        #expect(screen.lines == ["hello worl", "  abc"])
        #expect(screen.write("x", at: Point(x: 0, y: 5)) == 0)
    }

    @Test func wideCharactersTakeTwoCellsAndNeverStraddleTheEdge() {
        var screen = Screen(width: 5, height: 1)
        let used = screen.write("温度计", at: Point(x: 0, y: 0))
        #expect(used == 5)
        #expect(screen[0, 0].character == "温")
        #expect(screen[1, 0].isContinuation)
        #expect(screen[2, 0].character == "度")
        // The third character would need columns 4 and 5: a space stands in for it.
        #expect(screen[4, 0].character == " ")
        #expect(screen.row(0) == "温度 ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.write("温度", at: Point(x: 0, y: 0))
        screen.put("x", at: Point(x: 1, y: 0))
        #expect(screen.row(0) == " x度  ")
        screen.put("y", at: Point(x: 2, y: 0))
        #expect(screen.row(0) == " xy   ")
    }

    @Test func emojiAndCombiningMarksKeepColumnsAligned() {
        var screen = Screen(width: 10, height: 1)
        screen.write("🔥e\u{301}|", at: Point(x: 0, y: 0))
        #expect(screen[3, 0].character == "|")
        #expect(screen.find("|") == Point(x: 3, y: 0))
    }

    @Test func findReportsColumnsAfterWideCharacters() {
        var screen = Screen(width: 20, height: 2)
        screen.write("温度 ok", at: Point(x: 0, y: 1))
        #expect(screen.find("ok") == Point(x: 5, y: 1))
        #expect(screen.find("missing") == nil)
    }

    @Test func boxHasATitleOnItsTopEdge() {
        var screen = Screen(width: 12, height: 3)
        screen.drawBox(screen.bounds, borders: .single, title: "Twin")
        #expect(screen.lines == ["┌ Twin ────┐", "│          │", "└──────────┘"])
    }

    @Test func styledLinesWrapAtSpacesWithAnIndent() {
        let line = StyledLine("the quick brown fox jumps")
        #expect(line.wrapped(toWidth: 10).map(\.text) == ["the quick ", "brown fox ", "jumps"])
        #expect(line.wrapped(toWidth: 12, indent: 2).map(\.text) == ["the quick ", "  brown fox ", "  jumps"])
    }

    @Test func aWordLongerThanTheLineIsBroken() {
        #expect(StyledLine("abcdefghijkl").wrapped(toWidth: 5).map(\.text) == ["abcde", "fghij", "kl"])
    }
}
