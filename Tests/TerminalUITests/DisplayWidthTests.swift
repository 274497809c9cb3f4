import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiTakesOneColumnEach() {
        #expect("hello".displayWidth == 5)
    }

    @Test func eastAsianWideAndEmojiTakeTwoColumns() {
        #expect("温度".displayWidth == 4)
        #expect("한글".displayWidth == 4)
        #expect("ＡＢ".displayWidth == 4)
        #expect("🌡".displayWidth == 1 || "🌡️".displayWidth == 2)
        #expect("🔥".displayWidth == 2)
        #expect("❤️".displayWidth == 2)
    }

    @Test func combiningMarksTakeNoColumnOfTheirOwn() {
        #expect("e\u{301}".displayWidth == 1)
        #expect("café".displayWidth == 4)
        #expect("👩‍💻".displayWidth == 2)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect("温度计".truncated(toWidth: 5) == "温度…")
        #expect("温度计".truncated(toWidth: 4) == "温…")
        #expect("abc".truncated(toWidth: 3) == "abc")
        #expect("abcdef".padded(toWidth: 4) == "abc…")
        #expect("ab".padded(toWidth: 4) == "ab  ")
    }
}
