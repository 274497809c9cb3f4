import JSONValue
import Testing
@testable import TerminalUI

@Suite struct JSONEditorTests {
    @Test func aMissingCommaIsReportedAtItsLineAndColumn() throws {
        let editor = JSONEditor(text: "{\n  \"tags\": {\n    \"location\": \"north\"\n    \"floor\": 2\n  }\n}")
        let error = try #require(editor.parseError)
        #expect(error.line == 4)
        #expect(error.column == 5)
        let screen = render(editor, width: 60, height: 8)
        #expect(screen.lines[7].hasPrefix("✗ line 4, column 5: "))
        // The error's line number and position are marked.
        #expect(screen.style(atX: 0, y: 3) == Theme.standard.error)
        #expect(screen.style(atX: 6, y: 3).attributes.contains(.reverse))
    }

    @Test func columnsCountCharactersNotBytesAfterWideText() throws {
        let editor = JSONEditor(text: "{\"名前\": \"温度\" x}")
        let error = try #require(editor.parseError)
        #expect(error.line == 1)
        #expect(error.column == 13)
        let screen = render(editor, width: 40, height: 3)
        // Two wide characters in each string: the marker is 4 columns to the right of the
        // character count (after the 2-column gutter).
        #expect(screen[2 + 12 + 4, 0].style.attributes.contains(.reverse))
    }

    @Test func editingFixesTheErrorAndSubmitsTheDocument() {
        var editor = JSONEditor(text: "{\"a\": 1 \"b\": 2}")
        #expect(editor.parseError != nil)
        #expect(press(&editor, .control("s")) == .handled)
        editor.moveCursor(to: .init(line: 0, column: 8))
        #expect(press(&editor, .character(",")) == .action(.changed))
        #expect(editor.parseError == nil)
        #expect(press(&editor, .control("s")) == .action(.submitted(["a": 1, "b": 2])))
        #expect(render(editor, width: 40, height: 3).lines[2].hasPrefix("✓ valid JSON"))
    }

    @Test func prettyAndCompactLayouts() {
        var editor = JSONEditor(text: "{\"properties\":{\"desired\":{\"fanOn\":true}}}")
        press(&editor, .control("f"))
        #expect(editor.text == "{\n  \"properties\": {\n    \"desired\": {\n      \"fanOn\": true\n    }\n  }\n}")
        press(&editor, .control("t"))
        #expect(editor.text == "{\"properties\":{\"desired\":{\"fanOn\":true}}}")
        var broken = JSONEditor(text: "{")
        let formatted = broken.formatPretty()
        #expect(!formatted)
        #expect(broken.text == "{")
    }

    @Test func enterKeepsIndentationAndBackspaceJoinsLines() {
        var editor = JSONEditor(text: "{}")
        editor.moveCursor(to: .init(line: 0, column: 1))
        press(&editor, .enter)
        #expect(editor.text == "{\n  }")
        type("\"fanOn\": true", into: &editor)
        #expect(editor.text == "{\n  \"fanOn\": true}")
        #expect(editor.value == ["fanOn": true])
        press(&editor, .home, .backspace)
        #expect(editor.cursor == .init(line: 0, column: 1))
        #expect(editor.text == "{  \"fanOn\": true}")
        press(&editor, .end, .delete)
        #expect(editor.text == "{  \"fanOn\": true}")
    }

    @Test func syntaxColoursTellKeysFromValues() {
        let editor = JSONEditor(text: "{\"fanOn\": true, \"speed\": 3, \"mode\": \"eco\", \"x\": null}")
        let screen = render(editor, width: 70, height: 2)
        let theme = Theme.standard
        let x = 2 // after the gutter "1 "
        #expect(screen.style(atX: x, y: 0) == theme.jsonPunctuation)
        #expect(screen.style(atX: x + 1, y: 0) == theme.jsonKey)
        #expect(screen.style(atX: x + 10, y: 0) == theme.jsonLiteral)
        #expect(screen.style(atX: x + 25, y: 0) == theme.jsonNumber)
        #expect(screen.style(atX: x + 36, y: 0) == theme.jsonString)
    }

    @Test func theHubsErrorIsShownUntilTheNextEdit() {
        var editor = JSONEditor(value: ["properties": ["desired": ["fanOn": true]]])
        editor.showError("400004 ArgumentInvalid: twin is too large")
        #expect(render(editor, width: 60, height: 8).lines[7].hasPrefix("✗ 400004 ArgumentInvalid: twin is too large"))
        press(&editor, .character(" "))
        #expect(editor.externalError == nil)
    }

    @Test func readOnlyDocumentsIgnoreEdits() {
        var editor = JSONEditor(text: "{}", isReadOnly: true)
        #expect(press(&editor, .character("x")) == .ignored)
        #expect(press(&editor, .control("f")) == .handled)
        #expect(editor.text == "{}")
        #expect(render(editor, width: 20, height: 3).cursor == nil)
    }
}
