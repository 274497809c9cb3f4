import IoTQuery
import JSONValue
import Testing

/// A hub decides each message with verdicts and shows traces rebuilt later: both must say the
/// same about every condition, errors and their cache keys included.
@Suite struct RoutingVerdictTests {
    static let conditions = [
        "true", "false", "sensorID = 'VSLog'", "level = 'critical'", "level = 'critical' OR level = 'high'",
        "is_defined(batch)", "$body.vibration > 3", "$body.missing = 1", "$body.vibration * 2", "null",
        "$body", "$body[0] = 1", "$twin.tags.floor = 9", "$twin.properties.desired.alerting = true",
        "$contentType = 'application/json'", "$iothub-enqueuedtime > '2026'", "sensorID.part = 'x'",
        "$twin.tags.building = '43' AND $body.vibration > 3", "false AND missing = 1",
    ]

    static let messages = [
        RoutingFixtures.message(properties: ["sensorID": "VSLog"], twin: ["tags": ["floor": 9, "building": "43"]]),
        RoutingFixtures.message(body: "21", contentType: "text/plain", properties: ["LEVEL": "critical"]),
        RoutingFixtures.message(body: "{not json", properties: ["sensorID": "VSTel"]),
        RoutedMessage(),
    ]

    @Test func aVerdictSaysWhatTheTracedEvaluationSays() throws {
        for message in Self.messages {
            var evaluator = RoutingEvaluator { message }
            for text in Self.conditions {
                let condition = try RoutingCondition(text)
                let verdict = evaluator.verdict(of: condition)
                let traced = condition.evaluate(message)
                #expect(verdict.matched == traced.matched, "\(text)")
                #expect(verdict.hasError == traced.hasError, "\(text)")
                #expect(verdict.error == traced.error, "\(text)")
                #expect(verdict.errorKey == traced.errorKey, "\(text)")
            }
        }
    }

    @Test func theMessageIsBuiltOnlyWhenAConditionIsEvaluatedAndThenOnce() throws {
        var builds = 0
        var evaluator = RoutingEvaluator {
            builds += 1
            return RoutingFixtures.message()
        }
        #expect(builds == 0)
        _ = evaluator.verdict(of: try RoutingCondition("$body.vibration > 3"))
        _ = evaluator.verdict(of: try RoutingCondition("$body.speed = 'fast'"))
        #expect(builds == 1)
    }
}
