import Foundation
import JSONValue
import Testing

@testable import AzConsole

@Suite struct GenericUpdateTests {
    let twin: JSONValue = ["deviceId": "d", "tags": ["env": "lab"], "properties": ["desired": ["interval": 10, "list": [1, 2]]]]

    @Test func setParsesJSONValuesAndFallsBackToStrings() throws {
        let update = try GenericUpdate(
            set: ["properties.desired.interval=30", "properties.desired.mode=eco", "tags.config={\"a\":true}"], add: [], remove: [])
        let result = try update.apply(to: twin)
        #expect(result.value(atDottedPath: "properties.desired.interval") == 30)
        #expect(result.value(atDottedPath: "properties.desired.mode") == "eco")
        #expect(result.value(atDottedPath: "tags.config.a") == true)
    }

    @Test func setThroughAMissingMemberNamesIt() throws {
        let update = try GenericUpdate(set: ["properties.wanted.x=1"], add: [], remove: [])
        #expect(throws: ConsoleError.invalidValue("Couldn't find 'wanted' in 'properties'. Available options: desired.")) {
            try update.apply(to: twin)
        }
    }

    @Test func addAppendsAndRemoveDeletes() throws {
        let added = try GenericUpdate(set: [], add: ["properties.desired.list", "3"], remove: []).apply(to: twin)
        #expect(added.value(atDottedPath: "properties.desired.list") == [1, 2, 3])
        let removed = try GenericUpdate(set: [], add: [], remove: ["properties.desired.list", "0"]).apply(to: added)
        #expect(removed.value(atDottedPath: "properties.desired.list") == [2, 3])
        let noTags = try GenericUpdate(set: [], add: [], remove: ["tags.env"]).apply(to: twin)
        #expect(noTags["tags"] == [:])
    }

    @Test func malformedAssignmentIsRejected() throws {
        #expect(throws: ConsoleError.invalidValue("argument --set: 'interval' must be PATH=VALUE, e.g. properties.desired.interval=30")) {
            try GenericUpdate(set: ["interval"], add: [], remove: [])
        }
    }

    @Test func jsonArgumentReadsFilesAndReportsLineAndColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("azconsole-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{\n  \"a\": 1,\n  \"b\": \n}".write(to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        try "{\"tags\": {\"x\": 1}}".write(to: directory.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
        let reader = JSONArgument(workingDirectory: directory)
        #expect(try reader.read("good.json", flag: "json") == ["tags": ["x": 1]])
        #expect(try reader.read("{\"a\": [1]}", flag: "desired") == ["a": [1]])
        #expect(throws: ConsoleError.invalidValue(
            "Failed to parse json for argument 'json' from file '\(directory.appendingPathComponent("bad.json").path)': expected a value at line 4, column 1.")
        ) {
            try reader.read("bad.json", flag: "json")
        }
        #expect(throws: ConsoleError.invalidValue(
            "Failed to parse json for argument 'desired' from the value: expected a value at line 1, column 7.")
        ) {
            try reader.read("{\"a\": }", flag: "desired")
        }
    }

    @Test func pythonLiteralNotationIsAcceptedAsTheExtensionDoes() throws {
        let reader = JSONArgument(workingDirectory: FileManager.default.temporaryDirectory)
        #expect(try reader.read("{'interval': 30, 'enabled': True, 'note': None, 'name': 'it\\'s \"x\"'}", flag: "desired")
            == ["interval": 30, "enabled": true, "note": nil, "name": "it's \"x\""])
        #expect(PythonLiteral.parse("['a', False]") == ["a", false])
        #expect(PythonLiteral.parse("{'a': bogus}") == nil)
        let update = try GenericUpdate(set: ["tags.flag=True", "tags.mode=eco"], add: [], remove: [])
        #expect(try update.apply(to: ["tags": [:]]) == ["tags": ["flag": true, "mode": "eco"]])
    }
}
