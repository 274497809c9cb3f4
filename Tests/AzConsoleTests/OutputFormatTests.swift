import JSONValue
import Testing

@testable import AzConsole

@Suite struct OutputFormatTests {
    let devices: JSONValue = [
        ["deviceId": "sensor-th-0001", "status": "enabled", "etag": "AAA", "capabilities": ["iotEdge": false], "cloudToDeviceMessageCount": 0],
        ["deviceId": "gw-1", "status": "disabled", "etag": "BBB", "capabilities": ["iotEdge": true], "cloudToDeviceMessageCount": 12],
    ]

    @Test func jsonIsTwoSpaceIndentedWithSortedKeysLikeAz() {
        let text = OutputFormat.json.render(["status": "enabled", "deviceId": "d", "$metadata": [:], "list": [1, true]], query: nil)
        #expect(text == """
            {
              "$metadata": {},
              "deviceId": "d",
              "list": [
                1,
                true
              ],
              "status": "enabled"
            }

            """)
    }

    @Test func tableShowsSortedScalarColumnsWithoutIdTypeOrEtag() {
        let text = OutputFormat.table.render(devices, query: nil)
        let lines = [
            "CloudToDeviceMessageCount  DeviceId        Status  ",
            "-------------------------  --------------  --------",
            "0                          sensor-th-0001  enabled ",
            "12                         gw-1            disabled",
        ]
        #expect(text == lines.joined(separator: "\n") + "\n")
    }

    @Test func tableKeepsQueryOrderAndShowsBooleansAsPythonDoes() throws {
        let query = try JMESPathParser.parse("[].{Id: deviceId, Edge: capabilities.iotEdge}")
        let text = OutputFormat.table.render(try query.evaluate(devices), query: query)
        let lines = ["Id              Edge ", "--------------  -----", "sensor-th-0001  False", "gw-1            True "]
        #expect(text == lines.joined(separator: "\n") + "\n")
    }

    @Test func tableOfScalarsUsesTheResultColumn() {
        #expect(OutputFormat.table.render(["a", "bb"], query: nil) == "Result\n------\na     \nbb    \n")
    }

    @Test func tsvPrintsOneLinePerElementAsScriptsCaptureIt() throws {
        #expect(OutputFormat.tsv.render(["hub-a", "hub-b"], query: nil) == "hub-a\nhub-b\n")
        #expect(OutputFormat.tsv.render("HostName=h;DeviceId=d;SharedAccessKey=k", query: nil) == "HostName=h;DeviceId=d;SharedAccessKey=k\n")
        #expect(OutputFormat.tsv.render(true, query: nil) == "true\n")
    }

    @Test func tsvOfObjectsSortsMembersAndSummarisesNestedValues() {
        let row: JSONValue = ["b": "x", "a": [1, 2, 3], "c": ["k": 1], "d": nil, "e": true]
        #expect(OutputFormat.tsv.render(row, query: nil) == "3\tx\t\tNone\tTrue\n")
    }

    @Test func tsvKeepsTheOrderOfAQueryHash() throws {
        let query = try JMESPathParser.parse("[].{z: deviceId, a: status}")
        #expect(OutputFormat.tsv.render(try query.evaluate(devices), query: query) == "sensor-th-0001\tenabled\ngw-1\tdisabled\n")
    }

    @Test func yamlIsBlockStyleWithSortedKeys() {
        let value: JSONValue = ["name": "h", "tags": [:], "ids": ["a", "true"], "sku": ["name": "S1"]]
        #expect(OutputFormat.yaml.render(value, query: nil) == """
            ids:
            - a
            - 'true'
            name: h
            sku:
              name: S1
            tags: {}

            """)
    }

    @Test func yamlQuotesWhatPyYAMLWouldReadAsAnotherType() {
        let value: JSONValue = ["a": "1:00:00", "b": "0:00:05", "c": "2026-01-01T00:00:00Z", "d": "None", "e": "Yes", "f": "sb://x/"]
        #expect(OutputFormat.yaml.render(value, query: nil) == "a: '1:00:00'\nb: 0:00:05\nc: '2026-01-01T00:00:00Z'\nd: None\ne: 'Yes'\nf: sb://x/\n")
        #expect(OutputFormat.yaml.render("text", query: nil) == "text\n...\n")
    }

    @Test func noneOutputPrintsNothing() {
        #expect(OutputFormat.none.render(devices, query: nil) == "")
    }
}
