import Testing
@testable import TerminalUI

@Suite struct LayoutWidgetTests {
    @Test func splitPanesSideBySideOnWideTerminalsAndStackedOnNarrowOnes() {
        let split = SplitLayout(ratio: 0.4)
        let wide = split.panes(in: Rect(x: 0, y: 0, width: 121, height: 30))
        #expect(wide.first == Rect(x: 0, y: 0, width: 48, height: 30))
        #expect(wide.divider == Rect(x: 48, y: 0, width: 1, height: 30))
        #expect(wide.second == Rect(x: 49, y: 0, width: 72, height: 30))
        let narrow = split.panes(in: Rect(x: 0, y: 0, width: 80, height: 21))
        #expect(split.effectiveAxis(in: Rect(x: 0, y: 0, width: 80, height: 21)) == .vertical)
        #expect(narrow.first == Rect(x: 0, y: 0, width: 80, height: 8))
        #expect(narrow.second == Rect(x: 0, y: 9, width: 80, height: 12))
    }

    @Test func plusAndMinusMoveTheDividerWithinBounds() {
        var split = SplitLayout(ratio: 0.5)
        press(&split, .character("+"), .character("+"))
        #expect(abs(split.ratio - 0.6) < 0.0001)
        for _ in 0..<20 { press(&split, .character("-")) }
        #expect(split.ratio == 0.1)
        // The minimum pane size still holds at 10%.
        #expect(split.panes(in: Rect(x: 0, y: 0, width: 101, height: 5)).first.width == 10)
        #expect(press(&split, .character("x")) == .ignored)
    }

    @Test func theDividerIsDrawnBetweenThePanes() {
        let split = SplitLayout(ratio: 0.5, stackBelowWidth: 0)
        let screen = render(split, width: 11, height: 2)
        #expect(screen.lines == ["     │", "     │"])
    }

    @Test func tabsAreNumberedAndSelectedByDigitBracketsOrClick() {
        var tabs = TabBar(titles: ["Devices", "Telemetry", "Twin"])
        let screen = render(tabs, width: 40, height: 1)
        #expect(screen.lines == [" 1 Devices   2 Telemetry   3 Twin"])
        #expect(screen.style(atX: 1, y: 0) == Theme.standard.selection)
        #expect(screen.style(atX: 13, y: 0) == Theme.standard.hotkey)
        #expect(press(&tabs, .character("3")) == .action(2))
        #expect(press(&tabs, .character("]")) == .action(0))
        #expect(press(&tabs, .character("[")) == .action(2))
        #expect(press(&tabs, .character("9")) == .ignored)
        #expect(tabs.handle(.mouse(MouseEvent(.click, at: Point(x: 16, y: 0))), in: Rect(x: 0, y: 0, width: 40, height: 1)) == .action(1))
        #expect(tabs.selectedTitle == "Telemetry")
    }

    @Test func hintBarShowsKeysAndAClickOnAHintActsAsItsKey() {
        var bar = KeyHintBar(hints: [KeyHint(.character("q"), "quit"), KeyHint(.character("/"), "filter"), KeyHint(.character("h"), "hint")])
        let screen = render(bar, width: 40, height: 1)
        #expect(screen.lines == [" q quit  / filter  h hint        ? help"])
        #expect(screen.style(atX: 1, y: 0) == Theme.standard.hotkey)
        #expect(screen.style(atX: 3, y: 0) == Theme.standard.dim)
        let area = Rect(x: 0, y: 0, width: 40, height: 1)
        #expect(bar.handle(.mouse(MouseEvent(.click, at: Point(x: 11, y: 0))), in: area) == .action(.character("/")))
        #expect(bar.handle(.mouse(MouseEvent(.click, at: Point(x: 36, y: 0))), in: area) == .action(.character("?")))
        #expect(bar.handle(.mouse(MouseEvent(.click, at: Point(x: 28, y: 0))), in: area) == .ignored)
    }

    @Test func hintsThatDoNotFitAreDroppedButHelpStays() {
        let bar = KeyHintBar(hints: [KeyHint(.character("q"), "quit"), KeyHint(.character("/"), "filter")])
        #expect(render(bar, width: 20, height: 1).lines == [" q quit      ? help"])
    }

    @Test func monochromeThemeIsChosenByNoColor() {
        #expect(Theme.forEnvironment(["NO_COLOR": "1"]) == .monochrome)
        #expect(Theme.forEnvironment(["NO_COLOR": ""]) == .standard)
        #expect(Theme.forEnvironment([:]) == .standard)
        #expect(TerminalOptions.from(environment: ["NO_COLOR": "yes"], mouse: false) == TerminalOptions(mouse: false, color: .never))
        let list = ListView(items: [ListItem("a")])
        #expect(render(list, width: 10, height: 2, theme: .monochrome).style(atX: 1, y: 0).attributes.contains(.reverse))
    }
}
