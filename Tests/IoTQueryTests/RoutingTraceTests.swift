import IoTQuery
import JSONValue
import Testing

/// What a routing decision explains: the values each condition read, and why a condition that
/// did not evaluate to a boolean counted as no match.
@Suite struct RoutingTraceTests {
    @Test func theTraceListsEachValueReadInOrder() throws {
        let message = RoutingFixtures.message(properties: ["sensorID": "VSLog"])
        let evaluation = try RoutingCondition(
            "sensorID = 'VSLog' AND $contentType = 'application/json' AND $body.vibration > 3 AND $body.vibration < 5"
        ).evaluate(message)
        #expect(evaluation == RoutingEvaluation(
            matched: true, result: true,
            reads: [
                .init(path: "sensorID", value: "VSLog", reason: nil),
                .init(path: "$contentType", value: "application/json", reason: nil),
                .init(path: "$body.vibration", value: 3.2, reason: nil),
            ],
            error: nil))
    }

    @Test func aFalseConditionIsNoMatchWithoutAnError() throws {
        let evaluation = try RoutingCondition("sensorID = 'VSLog'").evaluate(RoutingFixtures.message(properties: ["sensorID": "VSTel"]))
        #expect(evaluation == RoutingEvaluation(
            matched: false, result: false, reads: [.init(path: "sensorID", value: "VSTel", reason: nil)], error: nil))
    }

    @Test func aMissingPropertyIsTracedWithWhyItIsUndefined() throws {
        let evaluation = try RoutingCondition("sensorID = 'VSLog'").evaluate(RoutingFixtures.message())
        #expect(!evaluation.matched)
        #expect(evaluation.result == nil)
        #expect(evaluation.reads == [.init(path: "sensorID", value: nil, reason: "the message has no application property 'sensorID'")])
        #expect(evaluation.error == """
            the condition evaluated to undefined, not true or false, so the message does not match: \
            sensorID is undefined because the message has no application property 'sensorID'
            """)
    }

    @Test func aBodyThatCannotBeReadIsExplainedInTheTrace() throws {
        let evaluation = try RoutingCondition("$body.temperature > 20").evaluate(
            RoutingFixtures.message(body: "21", contentType: "text/plain"))
        #expect(evaluation.reads == [.init(
            path: "$body.temperature", value: nil,
            reason: "$body can be read only when the content type is application/json; this message's content type is 'text/plain'")])
        #expect(evaluation.error?.hasSuffix("$body.temperature is undefined because $body can be read only when the content type is application/json; this message's content type is 'text/plain'") == true)
    }

    @Test func missingSystemTwinAndBodyMembersNameWhatIsMissing() throws {
        let message = RoutingFixtures.message(twin: Fixtures.twin("sensor-v-3000"))
        let evaluation = try RoutingCondition(
            "$connectionModuleId = 'm' OR $twin.tags.location.building = '43' OR $body.Weather['Temp C'] > 1 OR $body.speed.x = 1"
        ).evaluate(message)
        #expect(evaluation.reads.map(\.reason) == [
            "the message has no system property $connectionModuleId",
            "the twin has no tags.location.building",
            "the body has no Weather['Temp C']",
            "the body has no speed.x",
        ])
        #expect(evaluation.reads.map(\.path) == [
            "$connectionModuleId", "$twin.tags.location.building", "$body.Weather['Temp C']", "$body.speed.x",
        ])
    }

    @Test func aHyphenatedSystemNameIsTracedAsWritten() throws {
        let evaluation = try RoutingCondition("$iothub-enqueuedtime > '2026'").evaluate(RoutingFixtures.message())
        #expect(evaluation.reads == [.init(path: "$iothub-enqueuedtime", value: "2026-11-27T20:00:00.000Z", reason: nil)])
    }

    @Test func anArrayElementIsTracedWithItsIndex() throws {
        let message = RoutingFixtures.message(body: #"{"HistoricalData": [{"Month": "Feb"}]}"#)
        let evaluation = try RoutingCondition("$body.HistoricalData[0].Month = 'Feb'").evaluate(message)
        #expect(evaluation.reads == [.init(path: "$body.HistoricalData[0].Month", value: "Feb", reason: nil)])
    }

    @Test func theWholeTwinIsNotReadable() throws {
        let evaluation = try RoutingCondition("is_object($twin)").evaluate(RoutingFixtures.message(twin: Fixtures.twin("d")))
        #expect(evaluation.reads.first?.reason == "a condition reads members of $twin such as $twin.tags.location, not the twin as a whole")
    }

    @Test func aShortCircuitedSideIsNotRead() throws {
        let evaluation = try RoutingCondition("false AND sensorID = 'VSLog'").evaluate(RoutingFixtures.message())
        #expect(evaluation.reads.isEmpty)
        #expect(!evaluation.matched)
        #expect(evaluation.error == nil)
    }

    @Test func aNonBooleanResultIsAnErrorNamingTheValue() throws {
        let number = try RoutingCondition("$body.vibration * 2").evaluate(RoutingFixtures.message())
        #expect(number.result == 6.4)
        #expect(!number.matched)
        #expect(number.error == "the condition evaluated to the number 6.4, not true or false, so the message does not match")
        let null = try RoutingCondition("null").evaluate(RoutingFixtures.message())
        #expect(null.error == "the condition evaluated to null, not true or false, so the message does not match")
    }

    @Test func errorsWithTheSameCauseShareAKeyWhateverTheCondition() throws {
        let message = RoutingFixtures.message()
        let level = try RoutingCondition("level = 'critical'").evaluate(message)
        let levelOrMore = try RoutingCondition("level = 'critical' OR level = 'high'").evaluate(message)
        let other = try RoutingCondition("sensorID = 'VSLog'").evaluate(message)
        let text = try RoutingCondition("$body.temperature > 20").evaluate(RoutingFixtures.message(body: "21", contentType: "text/plain"))
        #expect(level.errorKey != nil)
        #expect(level.errorKey == levelOrMore.errorKey)
        #expect(level.error == levelOrMore.error)
        #expect(level.errorKey != other.errorKey)
        #expect(level.errorKey != text.errorKey)
        #expect(try RoutingCondition("null").evaluate(message).errorKey != nil)
    }

    @Test func anErrorNamingAValueOrNoErrorHasNoKey() throws {
        #expect(try RoutingCondition("$body.vibration * 2").evaluate(RoutingFixtures.message()).errorKey == nil)
        #expect(try RoutingCondition("true").evaluate(RoutingFixtures.message()).errorKey == nil)
        #expect(try RoutingCondition("false").evaluate(RoutingFixtures.message()).errorKey == nil)
    }

    @Test func aConditionAlwaysTrueReadsNothing() throws {
        let evaluation = try RoutingCondition("true").evaluate(RoutedMessage())
        #expect(evaluation == RoutingEvaluation(matched: true, result: true, reads: [], error: nil))
    }
}
