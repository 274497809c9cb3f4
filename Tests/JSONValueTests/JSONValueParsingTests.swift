import Testing
@testable import JSONValue

@Suite struct JSONValueParsingTests {
    @Test func keepsMemberOrderAndNumberKinds() throws {
        let value = try JSONValue(parsing: #"{"b": 1, "a": 1.5, "c": [true, null, "x"]}"#)
        #expect(value.objectValue.map { Array($0.keys) } == ["b", "a", "c"])
        #expect(value["b"] == .integer(1))
        #expect(value["a"] == .double(1.5))
        #expect(value.serialized() == #"{"b":1,"a":1.5,"c":[true,null,"x"]}"#)
    }

    @Test func reportsLineAndColumnOfTheError() {
        #expect(throws: JSONParseError(line: 2, column: 9, reason: "expected ',' or '}' in the object")) {
            try JSONValue(parsing: "{\"a\": 1,\n \"b\": 2 \"c\": 3}")
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue(parsing: #""line\nbreak \u00e9 \ud83d\ude00 \"q\"""#)
        #expect(value == .string("line\nbreak é 😀 \"q\""))
        #expect(value.serialized() == #""line\nbreak é 😀 \"q\"""#)
    }

    @Test func rejectsTrailingText() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "{} x") }
    }

    @Test func prettyLayoutMatchesAz() {
        let value: JSONValue = ["name": "hub", "sku": ["capacity": 1], "tags": [:], "list": []]
        #expect(value.serialized(.pretty) == """
            {
              "name": "hub",
              "sku": {
                "capacity": 1
              },
              "tags": {},
              "list": []
            }
            """)
    }
}

@Suite struct JSONMergePatchTests {
    @Test func nullDeletesAndObjectsMerge() throws {
        let base = try JSONValue(parsing: #"{"a": 1, "b": {"c": 2, "d": 3}}"#)
        let patch = try JSONValue(parsing: #"{"a": null, "b": {"c": 5}, "e": "new"}"#)
        #expect(base.merging(patch: patch).serialized() == #"{"b":{"c":5,"d":3},"e":"new"}"#)
    }

    @Test func twinSizeCountsAsAzure() throws {
        let value = try JSONValue(parsing: #"{"ab": "xyz", "n": 1, "t": true, "$metadata": {"big": "ignored"}}"#)
        #expect(value.twinSize == 2 + 3 + 1 + 8 + 1 + 4)
        #expect(try JSONValue(parsing: #"{"a": {"b": {"c": 1}}}"#).objectDepth == 3)
    }
}
