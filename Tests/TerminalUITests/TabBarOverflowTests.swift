import Testing
@testable import TerminalUI

@Suite struct TabBarOverflowTests {
    @Test func tabsThatDoNotFitAreShortenedToTheirFirstLettersExceptTheSelectedOne() {
        var tabs = TabBar(titles: ["Console", "Events", "Devices", "Telemetry", "Twin", "Methods"])
        #expect(render(tabs, width: 80, height: 1).lines == [" 1 Console   2 Events   3 Devices   4 Telemetry   5 Twin   6 Methods"])
        press(&tabs, .character("6"))
        #expect(render(tabs, width: 40, height: 1).lines == ["1 Co 2 Ev 3 De 4 Te 5 Tw  6 Methods"])
        // A click lands on the short labels where they are drawn.
        #expect(tabs.handle(.mouse(MouseEvent(.click, at: Point(x: 5, y: 0))), in: Rect(x: 0, y: 0, width: 40, height: 1)) == .action(1))
        #expect(render(tabs, width: 40, height: 1).lines == ["1 Con  2 Events  3 Dev 4 Tel 5 Twi 6 Met"])
    }

    @Test func tabsTooManyForAnyLetterShowTheirNumbers() {
        let tabs = TabBar(titles: ["Console", "Events", "Devices", "Telemetry", "Twin", "Methods"], selectedIndex: 5)
        #expect(render(tabs, width: 26, height: 1).lines == ["1 2 3 4 5  6 Methods"])
    }
}
