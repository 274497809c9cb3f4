import JSONValue
import Testing
@testable import TerminalUI

@Suite struct JSONPathLocatorTests {
    static let twin: JSONValue = [
        "deviceId": "sensor-th-0055",
        "tags": ["cheeseCave": "CheeseCave1", "zones": ["a", ["b": 1]]],
        "properties": ["desired": ["temperature": "50", "fan": ["speed": 3]], "reported": ["temperature": "48"]],
    ]

    @Test func membersAreFoundOnTheLineTheirNameStartsInPrettyText() {
        let text = Self.twin.serialized(.pretty)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func lineOf(_ needle: String) -> Int { lines.firstIndex { $0.contains(needle) } ?? -1 }
        #expect(JSONPathLocator.line(of: "tags.cheeseCave", in: text) == lineOf("\"cheeseCave\""))
        #expect(JSONPathLocator.line(of: "properties.desired.fan.speed", in: text) == lineOf("\"speed\""))
        #expect(JSONPathLocator.line(of: "properties.reported.temperature", in: text) == lineOf("\"48\""))
        #expect(JSONPathLocator.line(of: "tags.zones[1].b", in: text) == lineOf("\"b\""))
        #expect(JSONPathLocator.line(of: "tags.zones[0]", in: text) == lineOf("\"a\""))
    }

    @Test func aPathNotInTheTextFallsBackToItsNearestEnclosingMember() {
        let text = Self.twin.serialized(.pretty)
        let desired = JSONPathLocator.line(of: "properties.desired", in: text)
        #expect(desired > 0)
        #expect(JSONPathLocator.line(of: "properties.desired.removed.deeper", in: text) == desired)
        #expect(JSONPathLocator.line(of: "nowhere", in: text) == 0)
        #expect(JSONPathLocator.line(of: "", in: text) == 0)
    }

    @Test func aNameContainingADotIsFoundAsTheServiceJoinsIt() {
        let text = "{\n  \"tags\": {\n    \"ok\": 1,\n    \"a.b\": 2\n  }\n}"
        #expect(JSONPathLocator.line(of: "tags.a.b", in: text) == 3)
    }

    @Test func compactAndHalfEditedTextStillLocate() {
        #expect(JSONPathLocator.line(of: "properties.desired.fan", in: Self.twin.serialized(.compact)) == 0)
        let broken = "{\n  \"tags\": {\"x\": \"unterminated\n  },\n  \"properties\": {\"desired\": {\"y\": 1}}\n}"
        #expect(JSONPathLocator.line(of: "properties.desired.y", in: broken) == 3)
    }

    @Test func theEditorMarksTheRefusedMembersLineAndMovesTheCursorThere() {
        var editor = JSONEditor(value: Self.twin)
        editor.showError("400004 ArgumentInvalid: properties.desired.fan: too deep", atPath: "properties.desired.fan")
        let line = JSONPathLocator.line(of: "properties.desired.fan", in: editor.text)
        #expect(editor.cursor.line == line)
        #expect(editor.externalErrorLine == line)
        let screen = render(editor, width: 70, height: 24)
        #expect(screen.lines[23].hasPrefix("✗ line \(line + 1): 400004 ArgumentInvalid: properties.desired.fan"))
        #expect(screen.style(atX: 0, y: line) == Theme.standard.error)
        press(&editor, .character(" "))
        #expect(editor.externalErrorLine == nil)
        #expect(editor.externalError == nil)
    }
}
