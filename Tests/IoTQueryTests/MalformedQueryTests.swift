import IoTQuery
import Testing

/// Every malformed query fails with the line and column where reading stopped and what was
/// expected there.
@Suite struct MalformedQueryTests {
    private func expectFailure(
        _ query: String, line: Int = 1, column: Int, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(throws: QueryError(line: line, column: column, reason: reason), sourceLocation: sourceLocation) {
            try TwinQuery(query)
        }
    }

    @Test func aDotMustBeFollowedByAPropertyName() {
        expectFailure("SELECT * FROM devices WHERE tags.location.", column: 43, "expected a property path after '.'")
    }

    @Test func fromNamesOneOfTheThreeCollections() {
        expectFailure(
            "SELECT * FROM devicez", column: 15,
            "expected devices, devices.modules or devices.jobs after FROM, found 'devicez'")
        expectFailure(
            "SELECT * FROM devices.twins", column: 15,
            "expected devices, devices.modules or devices.jobs after FROM, found 'devices.twins'")
        expectFailure(
            "SELECT *", column: 9, "expected FROM after SELECT *, found the end of the query")
    }

    @Test func topNeedsAWholeNumber() {
        expectFailure("SELECT TOP * FROM devices", column: 12, "expected a whole number after TOP, found '*'")
        expectFailure("SELECT TOP 2.5 * FROM devices", column: 12, "expected a whole number after TOP, found the number 2.5")
    }

    @Test func unknownFunctionsAreNamed() {
        expectFailure("SELECT * FROM devices WHERE FOO(deviceId) = 1", column: 29, "unknown function 'FOO'")
    }

    @Test func functionsCheckTheirArgumentCount() {
        expectFailure(
            "SELECT * FROM devices WHERE LOWER(deviceId, status) = 'x'", column: 29, "LOWER takes 1 argument, found 2")
        expectFailure("SELECT * FROM devices WHERE STARTS_WITH(deviceId)", column: 29, "STARTS_WITH takes 2 arguments, found 1")
    }

    @Test func aggregatesBelongInTheSelectList() {
        expectFailure(
            "SELECT * FROM devices WHERE COUNT() > 1", column: 29,
            "COUNT is an aggregate and may appear only in the SELECT list")
    }

    @Test func stringsMustBeClosed() {
        expectFailure(
            "SELECT * FROM devices WHERE deviceId = 'abc", column: 40, "the string starting here has no closing '")
    }

    @Test func unknownEscapesAreRejected() {
        expectFailure(
            #"SELECT * FROM devices WHERE deviceId = 'it\q'"#, column: 43,
            #"unknown escape '\q'; use \', \", \\ or \uXXXX"#)
    }

    @Test func fromIsRequiredAfterTheSelectList() {
        expectFailure("SELECT * devices", column: 10, "expected FROM after SELECT *, found 'devices'")
        expectFailure("FROM devices", column: 1, "expected SELECT at the start of the query, found 'FROM'")
    }

    @Test func trailingWordsAfterAConditionAreReported() {
        expectFailure(
            "SELECT * FROM devices WHERE status = 'a' GARBAGE", column: 42,
            "expected AND, OR, GROUP BY or the end of the query, found 'GARBAGE'")
        expectFailure("SELECT * FROM devices WHERE status = 'a' # 1", column: 42, "unexpected character '#'")
    }

    @Test func operandsAreRequired() {
        expectFailure("SELECT * FROM devices WHERE status = ", column: 38, "expected a value, found the end of the query")
        expectFailure("SELECT * FROM devices WHERE AND", column: 29, "expected a value, found the keyword 'AND'")
        expectFailure("SELECT * FROM devices WHERE tags.x = 12abc", column: 40, "unexpected 'a' after the number 12")
    }

    @Test func parenthesesMustBalance() {
        expectFailure(
            "SELECT * FROM devices WHERE (status = 'a'", column: 42,
            "expected ')' to close the '(' at column 29, found the end of the query")
    }

    @Test func inTakesAListOfConstants() {
        expectFailure(
            "SELECT * FROM devices WHERE status IN 'a'", column: 39,
            "expected a list such as ['a', 'b'] after IN, found the string 'a'")
        expectFailure(
            "SELECT * FROM devices WHERE status IN ['a', tags.b]", column: 45,
            "a list may hold only constants such as 'a', 1, true or null")
    }

    @Test func aggregatingQueriesProjectOnlyGroupedPropertiesAndAggregates() {
        expectFailure(
            "SELECT deviceId, COUNT() AS n FROM devices", column: 8,
            "'deviceId' must be a GROUP BY property or an aggregate such as COUNT() when the query aggregates")
        expectFailure(
            "SELECT * FROM devices GROUP BY status", column: 8,
            "SELECT * cannot be used with GROUP BY; list the grouped properties and aggregates")
    }

    @Test func jobsQueriesSelectOnlyStar() {
        expectFailure(
            "SELECT deviceId FROM devices.jobs", column: 8,
            "queries FROM devices.jobs support only SELECT *, without projections, aggregates or GROUP BY")
    }

    @Test func projectionNamesMustBeUnique() {
        expectFailure(
            "SELECT deviceId, tags.deviceId FROM devices", column: 18,
            "the SELECT list names 'deviceId' twice; give one of them another name with AS")
        expectFailure("SELECT deviceId AS FROM devices", column: 20, "expected a name after AS, found 'FROM'")
    }

    @Test func positionsCountLinesAndColumns() {
        expectFailure(
            "SELECT *\n  FROM devices\n  WHERE status = 'enabled' AND", line: 3, column: 31,
            "expected a value, found the end of the query")
    }

    @Test func deepNestingFailsInsteadOfCrashing() throws {
        let query = "SELECT * FROM devices WHERE " + String(repeating: "(", count: 10_000) + "1"
        #expect(throws: QueryError.self) { try TwinQuery(query) }
        let negations = "SELECT * FROM devices WHERE " + String(repeating: "NOT ", count: 10_000) + "true"
        #expect(throws: QueryError.self) { try TwinQuery(negations) }
    }

    @Test func theErrorReadsAsAzureReportsABadRequest() throws {
        let error = QueryError(line: 1, column: 43, reason: "expected a property path after '.'")
        #expect(error.httpStatus == 400)
        #expect(error.errorCode == 400004)
        #expect(error.errorName == "ArgumentInvalid")
        #expect(error.message == "line 1, column 43: expected a property path after '.'")
        #expect("\(error)" == "400004 ArgumentInvalid: line 1, column 43: expected a property path after '.'")
    }
}
