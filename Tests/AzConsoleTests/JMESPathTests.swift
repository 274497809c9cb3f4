import JSONValue
import Testing

@testable import AzConsole

@Suite struct JMESPathTests {
    let hubs: JSONValue = [
        ["name": "iot-az220-training-ab1", "location": "westus", "sku": ["name": "S1", "capacity": 1], "tags": ["env": "lab"]],
        ["name": "other-hub", "location": "eastus", "sku": ["name": "F1", "capacity": 1], "tags": nil],
        ["name": "iot-az220-training-ab2", "location": "westus", "sku": ["name": "S2", "capacity": 2], "tags": ["env": "exam"]],
    ]

    func search(_ query: String, _ value: JSONValue) throws -> JSONValue {
        try JMESPathParser.parse(query).evaluate(value)
    }

    @Test func dottedPathsReachNestedMembers() throws {
        let hub: JSONValue = ["properties": ["eventHubEndpoints": ["events": ["endpoint": "sb://x/", "path": "hub"]]]]
        #expect(try search("properties.eventHubEndpoints.events.endpoint", hub) == "sb://x/")
        #expect(try search("properties.missing.endpoint", hub) == .null)
    }

    @Test func filterWithContainsProjectsNamesAsTheLabScriptsDo() throws {
        #expect(try search("[?contains(name,'iot-az220')].name", hubs) == ["iot-az220-training-ab1", "iot-az220-training-ab2"])
    }

    @Test func equalityFilterSelectsOneDevice() throws {
        let devices: JSONValue = [["deviceId": "a", "status": "enabled"], ["deviceId": "b", "status": "disabled"]]
        #expect(try search("[?deviceId=='b'].status | [0]", devices) == "disabled")
        #expect(try search("[?status!='enabled'].deviceId", devices) == ["b"])
    }

    @Test func numericComparisonsAndBooleanOperators() throws {
        #expect(try search("[?sku.capacity > `1`].name", hubs) == ["iot-az220-training-ab2"])
        #expect(try search("[?sku.capacity <= `1` && location=='westus'].name", hubs) == ["iot-az220-training-ab1"])
        #expect(try search("[?location=='eastus' || sku.name=='S2'].name", hubs) == ["other-hub", "iot-az220-training-ab2"])
        #expect(try search("[?!(location=='westus')].name", hubs) == ["other-hub"])
    }

    @Test func orderingNonNumbersYieldsNull() throws {
        #expect(try search("name < 'b'", ["name": "a"]) == .null)
    }

    @Test func indexesSlicesAndWildcards() throws {
        #expect(try search("[0].name", hubs) == "iot-az220-training-ab1")
        #expect(try search("[-1].sku.name", hubs) == "S2")
        #expect(try search("[5]", hubs) == .null)
        #expect(try search("[*].sku.name", hubs) == ["S1", "F1", "S2"])
        #expect(try search("[1:].location", hubs) == ["eastus", "westus"])
        #expect(try search("[::-1] | [0].name", hubs) == "iot-az220-training-ab2")
        #expect(try search("[::-1][0].name", hubs) == [])
        #expect(try search("[0].sku.*", hubs) == ["S1", 1])
    }

    @Test func flattenMergesOneLevel() throws {
        let nested: JSONValue = [["ids": ["a", "b"]], ["ids": ["c"]]]
        #expect(try search("[].ids[]", nested) == ["a", "b", "c"])
        #expect(try search("[*].ids", nested) == [["a", "b"], ["c"]])
    }

    @Test func multiselectHashAndListKeepTheirOrder() throws {
        let result = try search("[?location=='westus'].{Name: name, Sku: sku.name}", hubs)
        #expect(result == [["Name": "iot-az220-training-ab1", "Sku": "S1"], ["Name": "iot-az220-training-ab2", "Sku": "S2"]])
        #expect(Array(result.arrayValue?.first?.objectValue?.keys ?? []) == ["Name", "Sku"])
        #expect(try search("[0].[name, location]", hubs) == ["iot-az220-training-ab1", "westus"])
    }

    @Test func literalsRawStringsAndQuotedIdentifiers() throws {
        #expect(try search("`{\"a\": [1, 2]}`.a[1]", .null) == 2)
        #expect(try search("'it\\'s'", .null) == "it's")
        #expect(try search("\"$metadata\".\"$lastUpdated\"", ["$metadata": ["$lastUpdated": "t"]]) == "t")
    }

    @Test func functionsCountAndMatchText() throws {
        #expect(try search("length(@)", hubs) == 3)
        #expect(try search("[?starts_with(name, 'other')].location", hubs) == ["eastus"])
        #expect(try search("[?ends_with(name, 'ab2')].location", hubs) == ["westus"])
        #expect(try search("contains(`[1, 2]`, `2`)", .null) == true)
    }

    @Test func functionOfTheWrongTypeFailsNamingTheFunction() throws {
        #expect(throws: JMESPathError.evaluation(
            "In function contains(), invalid type for subject: null, expected one of: ['array', 'string'], received: \"null\"")
        ) {
            try search("[?contains(tags.env, 'lab')].name", hubs)
        }
    }

    @Test func malformedQueriesNameTheColumn() throws {
        #expect(throws: JMESPathError.syntax("expected ']' but found the end of the expression", column: 12)) {
            try JMESPathParser.parse("[?name=='x'")
        }
        #expect(throws: JMESPathError.syntax("'=' is not an operator; compare with '=='", column: 7)) {
            try JMESPathParser.parse("[?name='x']")
        }
        #expect(throws: JMESPathError.syntax("unknown or unsupported function sort_by(); supported: abs, avg, contains, join, keys, length, max, min, reverse, sort, sum, type, values, ends_with, starts_with, to_number, to_string", column: 8)) {
            try JMESPathParser.parse("sort_by(@)")
        }
    }

    @Test func pipeStopsTheProjection() throws {
        #expect(try search("[*].name | [0]", hubs) == "iot-az220-training-ab1")
        #expect(try search("[*].name[0]", hubs) == [])
    }

    @Test func aggregateAndConversionFunctions() throws {
        #expect(try search("sort([*].sku.name)", hubs) == ["F1", "S1", "S2"])
        #expect(try search("max([*].sku.capacity)", hubs) == 2)
        #expect(try search("sum([*].sku.capacity)", hubs) == 4)
        #expect(try search("avg(`[1, 2]`)", .null) == 1.5)
        #expect(try search("join(', ', [*].location)", hubs) == "westus, eastus, westus")
        #expect(try search("keys([0].sku)", hubs) == ["name", "capacity"])
        #expect(try search("to_string([0].sku.capacity)", hubs) == "1")
        #expect(try search("to_number('42')", .null) == 42)
        #expect(try search("type([0].tags)", hubs) == "object")
        #expect(throws: JMESPathError.evaluation(
            "In function sort(), invalid type for subject: [\"a\",1], expected one of: ['array-number', 'array-string'], received: \"array\"")
        ) {
            try search("sort(`[\"a\", 1]`)", .null)
        }
    }
}
