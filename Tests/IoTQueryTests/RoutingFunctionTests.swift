import IoTQuery
import JSONValue
import Testing

/// The functions Azure documents for routing conditions, on message values.
@Suite struct RoutingFunctionTests {
    let message = RoutingFixtures.message(
        body: #"{"temperature": 21.5, "humidity": 64, "tags": ["a", "b"], "unit": "Celsius", "ok": true, "note": null, "loc": {"x": 1}}"#,
        properties: ["level": "42", "name": "Sensor-Room-7"])

    @Test func typeChecksSeeTheBodysJSONTypes() throws {
        for condition in [
            "is_number($body.temperature)", "is_string($body.unit)", "is_bool($body.ok)", "is_null($body.note)",
            "is_array($body.tags)", "is_object($body.loc)", "is_primitive($body.unit)", "is_defined($body.note)",
            "NOT is_defined($body.missing)", "NOT is_primitive($body.loc)", "is_string(level)",
        ] {
            #expect(try RoutingFixtures.matches(condition, message), "\(condition)")
        }
    }

    @Test func asNumberReadsAnApplicationPropertyAsANumber() throws {
        #expect(try RoutingFixtures.matches("as_number(level) > 40", message))
        #expect(try !RoutingFixtures.matches("level > 40", message))
        #expect(try !RoutingFixtures.matches("as_number(name) > 40", message))
    }

    @Test func stringFunctionsWorkOnPropertiesAndTheBody() throws {
        for condition in [
            "concat(name, '-', $body.unit) = 'Sensor-Room-7-Celsius'", "length(name) = 13", "lower(name) = 'sensor-room-7'",
            "upper($body.unit) = 'CELSIUS'", "substring(name, 7, 4) = 'Room'", "index_of(name, 'Room') = 7",
            "starts_with(name, 'Sensor')", "ends_with(name, '-7')", "contains($body.unit, 'lsi')",
        ] {
            #expect(try RoutingFixtures.matches(condition, message), "\(condition)")
        }
    }

    @Test func mathFunctionsWorkOnBodyNumbers() throws {
        for condition in [
            "abs(-$body.temperature) = 21.5", "floor($body.temperature) = 21", "ceiling($body.temperature) = 22",
            "power($body.humidity, 2) = 4096", "square($body.humidity) = 4096", "sqrt($body.humidity) = 8",
            "sign(-$body.humidity) = -1", "exp(0) = 1",
        ] {
            #expect(try RoutingFixtures.matches(condition, message), "\(condition)")
        }
    }

    @Test func aFunctionOnTheWrongTypeIsUndefinedAndSoNoMatch() throws {
        let evaluation = try RoutingCondition("length($body.temperature) > 0").evaluate(message)
        #expect(!evaluation.matched)
        #expect(evaluation.result == nil)
        #expect(evaluation.error == "the condition evaluated to undefined, not true or false, so the message does not match")
    }
}
