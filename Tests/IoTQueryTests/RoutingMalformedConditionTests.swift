import IoTQuery
import Testing

/// A route whose condition does not parse cannot be saved; the error names the line, the column
/// and what was expected.
@Suite struct RoutingMalformedConditionTests {
    @Test func anUnclosedStringIsReportedWhereItStarts() {
        #expect(throws: QueryError(line: 1, column: 12, reason: "the string starting here has no closing \"")) {
            try RoutingCondition(#"sensorID = "VSLog"#)
        }
    }

    @Test func anEmptyConditionIsRejected() {
        #expect(throws: QueryError(line: 1, column: 3, reason: "expected a value, found the end of the query")) {
            try RoutingCondition("  ")
        }
    }

    @Test func aMissingValueIsReportedAtTheEnd() {
        #expect(throws: QueryError(line: 1, column: 11, reason: "expected a value, found the end of the query")) {
            try RoutingCondition("sensorID =")
        }
    }

    @Test func trailingTextIsReportedAtItsColumn() {
        #expect(throws: QueryError(line: 1, column: 20, reason: "expected an operator or the end of the condition, found 'VSTel'")) {
            try RoutingCondition("sensorID = 'VSLog' VSTel")
        }
    }

    @Test func aConditionOnALaterLineReportsThatLine() {
        #expect(throws: QueryError(line: 2, column: 5, reason: "expected a value, found ')'")) {
            try RoutingCondition("sensorID = 'VSLog'\nAND )")
        }
    }

    @Test func anUnknownFunctionIsNamed() {
        #expect(throws: QueryError(line: 1, column: 1, reason: "unknown function 'is_text'")) {
            try RoutingCondition("is_text($body.unit)")
        }
    }

    @Test func aFunctionWithTheWrongArgumentCountSaysHowManyItTakes() {
        #expect(throws: QueryError(line: 1, column: 1, reason: "STARTS_WITH takes 2 arguments, found 1")) {
            try RoutingCondition("starts_with(name)")
        }
    }

    @Test func anArrayIndexMustBeAWholeNumber() {
        #expect(throws: QueryError(line: 1, column: 23, reason: "an array index is a whole number from 0, found the number 1.5")) {
            try RoutingCondition("$body.Weather.History[1.5].Month = 'Feb'")
        }
        #expect(throws: QueryError(line: 1, column: 15, reason: "expected a member name in quotes or an array index after '['")) {
            try RoutingCondition("$body.History[-1] = 1")
        }
    }

    @Test func twinQueriesStillRejectArrayIndexes() {
        #expect(throws: QueryError(line: 1, column: 34, reason: "expected a member name in quotes after '['")) {
            try TwinQuery("SELECT * FROM devices WHERE tags[0] = 1")
        }
    }

    @Test func theErrorIsAzuresArgumentInvalid() throws {
        let error = try #require(throws: QueryError.self) { try RoutingCondition("sensorID = = 'x'") }
        #expect(error.httpStatus == 400)
        #expect(error.errorName == "ArgumentInvalid")
        #expect(error.message == "line 1, column 12: expected a value, found '='")
    }
}
