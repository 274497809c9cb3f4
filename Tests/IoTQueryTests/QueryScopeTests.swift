import IoTQuery
import JSONValue
import Testing

/// A dialect plugs in its own name resolution through `QueryScope` and reuses the parser and the
/// evaluator; this one resolves paths the way IoT Hub routing does.
@Suite struct QueryScopeTests {
    struct MessageScope: QueryScope {
        let systemProperties: [String: String]
        let applicationProperties: [String: String]
        let body: JSONValue
        let twin: JSONValue

        func value(at path: PropertyPath) -> JSONValue? {
            guard let head = path.segments.first else { return nil }
            let rest = Array(path.segments.dropFirst())
            switch head {
            case "$body": return body[path: rest]
            case "$twin": return twin[path: rest]
            default:
                guard rest.isEmpty else { return nil }
                if head.hasPrefix("$") {
                    return systemProperties[String(head.dropFirst())].map(JSONValue.string)
                }
                let key = applicationProperties.keys.first { $0.lowercased() == head.lowercased() }
                return key.flatMap { applicationProperties[$0] }.map(JSONValue.string)
            }
        }
    }

    let message = MessageScope(
        systemProperties: ["contentType": "application/json", "contentEncoding": "utf-8"],
        applicationProperties: ["sensorID": "VSLog", "temperatureAlert": "true"],
        body: ["vibration": 3.2, "speed": "fast"],
        twin: Fixtures.hub[0])

    @Test func routingConditionsResolveThroughTheDialectsScope() throws {
        #expect(try QueryCondition("sensorID = 'VSLog'").isSatisfied(in: message))
        #expect(try QueryCondition("SENSORID = 'VSLog'").isSatisfied(in: message))
        #expect(try QueryCondition("temperatureAlert = 'true'").isSatisfied(in: message))
        #expect(try QueryCondition("$contentType = 'application/json' AND $body.vibration > 3").isSatisfied(in: message))
        #expect(try QueryCondition("$twin.tags.location.building = '43'").isSatisfied(in: message))
        #expect(try !QueryCondition("sensorID = 'VSTel'").isSatisfied(in: message))
        #expect(try !QueryCondition("$body.missing = 1").isSatisfied(in: message))
    }

    @Test func conditionsEvaluateToValues() throws {
        #expect(try QueryCondition("$body.vibration * 2").evaluate(in: message) == 6.4)
        #expect(try QueryCondition("AS_NUMBER(temperatureAlert)").evaluate(in: message) == nil)
    }

    @Test func aConditionRejectsTrailingText() {
        #expect(throws: QueryError(line: 1, column: 20, reason: "expected an operator or the end of the condition, found 'x'")) {
            try QueryCondition("sensorID = 'VSLog' x")
        }
    }

    @Test func pathsDescribeThemselvesAsWritten() throws {
        #expect(PropertyPath(["tags", "location", "building"]).description == "tags.location.building")
        #expect(PropertyPath(["tags", "floor plan", "$x"]).description == "tags['floor plan'].$x")
        #expect(PropertyPath(["properties", "desired"]).lastSegment == "desired")
    }
}
