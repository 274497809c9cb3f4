import CNCurses
import Testing
@testable import TerminalUI

@Suite struct CursesMappingTests {
    @Test func controlBytesBecomeNamedKeys() {
        #expect(CursesInput.decodeCharacter(13) == .key(.enter))
        #expect(CursesInput.decodeCharacter(9) == .key(.tab))
        #expect(CursesInput.decodeCharacter(127) == .key(.backspace))
        #expect(CursesInput.decodeCharacter(27) == .key(.escape))
        #expect(CursesInput.decodeCharacter(12) == .key(.control("l")))
        #expect(CursesInput.decodeCharacter(3) == .key(.control("c")))
        #expect(CursesInput.decodeCharacter(0x6E29) == .key(.character("温")))
    }

    @Test func withoutColourOnlyAttributesAreDrawn() {
        var palette = CursesPalette(enabled: false, colors: 256, maxPairs: 256)
        let (attributes, pair) = palette.attributes(for: Style(foreground: .red, background: .cyan, attributes: [.bold, .reverse]))
        #expect(pair == 0)
        #expect(attributes == iotlab_a_bold() | iotlab_a_reverse())
    }

    @Test func xtermColoursFallBackToTheNearestANSIColour() {
        #expect(CursesPalette.nearestANSI(to: 9) == 9)
        #expect(CursesPalette.nearestANSI(to: 196) == 9)   // bright red
        #expect(CursesPalette.nearestANSI(to: 22) == 2)    // dark green
        #expect(CursesPalette.nearestANSI(to: 232) == 0)   // near black
        #expect(CursesPalette.nearestANSI(to: 255) == 15)  // near white
    }
}
