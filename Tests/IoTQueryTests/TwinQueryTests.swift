import IoTQuery
import JSONValue
import Testing

@Suite struct TwinQueryTests {
    @Test func selectStarReturnsTheDocumentsUnchangedInOrder() throws {
        let query = try TwinQuery("SELECT * FROM devices")
        #expect(query.collection == .devices)
        #expect(query.top == nil)
        #expect(query.selectsDocuments)
        #expect(query.run(over: Fixtures.hub) == Fixtures.hub)
    }

    @Test func whereFiltersByNestedTags() throws {
        let rows = try TwinQuery("SELECT * FROM devices WHERE tags.location.building = '43'").run(over: Fixtures.hub)
        #expect(Fixtures.ids(rows) == ["sensor-th-0001", "sensor-th-0002"])
    }

    @Test func whereReadsCapabilities() throws {
        let rows = try TwinQuery("SELECT * FROM devices WHERE capabilities.iotEdge = true").run(over: Fixtures.hub)
        #expect(Fixtures.ids(rows) == ["edge-0003"])
    }

    @Test func topLimitsTheRows() throws {
        let query = try TwinQuery("SELECT TOP 2 * FROM devices")
        #expect(query.top == 2)
        #expect(Fixtures.ids(query.run(over: Fixtures.hub)) == ["sensor-th-0001", "sensor-th-0002"])
        #expect(try TwinQuery("SELECT TOP 0 * FROM devices").run(over: Fixtures.hub).isEmpty)
    }

    @Test func projectionsNameMembersAfterTheLastPathMember() throws {
        let rows = try TwinQuery(
            "SELECT deviceId, properties.reported.firmware.currentFwVersion FROM devices WHERE status = 'enabled'"
        ).run(over: Fixtures.hub)
        #expect(
            rows == [
                ["deviceId": "sensor-th-0001", "currentFwVersion": "1.0.0"],
                ["deviceId": "sensor-th-0002", "currentFwVersion": "1.0.1"],
            ])
    }

    @Test func aliasesRenameProjections() throws {
        let rows = try TwinQuery(
            "SELECT TOP 1 deviceId AS id, tags.location AS place, LOWER(status) AS state FROM devices"
        ).run(over: Fixtures.hub)
        #expect(rows == [["id": "sensor-th-0001", "place": ["building": "43", "floor": 1], "state": "enabled"]])
    }

    @Test func projectionsOfMissingPathsLeaveTheMemberOut() throws {
        let rows = try TwinQuery("SELECT deviceId, tags.cheeseCave FROM devices").run(over: Fixtures.hub)
        #expect(
            rows == [
                ["deviceId": "sensor-th-0001", "cheeseCave": "CheeseCave1"],
                ["deviceId": "sensor-th-0002"],
                ["deviceId": "edge-0003"],
            ])
    }

    @Test func unnamedExpressionsAreNumberedInOrder() throws {
        let rows = try TwinQuery("SELECT TOP 1 UPPER(status), 1 + 1 FROM devices").run(over: Fixtures.hub)
        #expect(rows == [["$1": "ENABLED", "$2": 2]])
    }

    @Test func countReturnsOneRowEvenWhenNothingMatches() throws {
        #expect(try TwinQuery("SELECT COUNT() AS numberOfDevices FROM devices").run(over: Fixtures.hub) == [["numberOfDevices": 3]])
        #expect(
            try TwinQuery("SELECT COUNT() AS n FROM devices WHERE status = 'gone'").run(over: Fixtures.hub) == [["n": 0]])
        #expect(try TwinQuery("SELECT COUNT() FROM devices").run(over: Fixtures.hub) == [["$1": 3]])
    }

    @Test func groupByCountsPerValueWithTheAggregateFirst() throws {
        let rows = try TwinQuery(
            """
            SELECT properties.reported.firmware.fwUpdateStatus AS status,
                COUNT() AS numberOfDevices
              FROM devices
              GROUP BY properties.reported.firmware.fwUpdateStatus
            """
        ).run(over: Fixtures.hub)
        #expect(
            rows == [
                ["numberOfDevices": 2, "status": "current"],
                ["numberOfDevices": 1, "status": "applying"],
            ])
        #expect(rows[0].serialized() == #"{"numberOfDevices":2,"status":"current"}"#)
    }

    @Test func groupByOverSeveralPropertiesAndMissingValues() throws {
        let rows = try TwinQuery(
            "SELECT tags.cheeseCave, status, COUNT() AS n FROM devices GROUP BY tags.cheeseCave, status"
        ).run(over: Fixtures.hub)
        #expect(
            rows == [
                ["n": 1, "cheeseCave": "CheeseCave1", "status": "enabled"],
                ["n": 1, "status": "enabled"],
                ["n": 1, "status": "disabled"],
            ])
    }

    @Test func sumAverageMinimumAndMaximumAggregateNumbers() throws {
        let rows = try TwinQuery(
            """
            SELECT SUM(tags.location.floor) AS floors, AVG(properties.reported.temperature) AS mean,
              MIN(properties.reported.temperature) AS low, MAX(deviceId) AS last, COUNT(tags.cheeseCave) AS caves
            FROM devices
            """
        ).run(over: Fixtures.hub)
        #expect(rows == [["floors": 3, "mean": 24.25, "low": 21.5, "last": "sensor-th-0002", "caves": 1]])
    }

    @Test func aggregatesWithNothingToAggregateAreLeftOut() throws {
        let rows = try TwinQuery("SELECT AVG(tags.missing) AS mean, SUM(tags.missing) AS total FROM devices")
            .run(over: Fixtures.hub)
        #expect(rows == [["total": 0]])
    }

    @Test func modulesQueriesReadModuleTwins() throws {
        let modules: [JSONValue] = [
            ["deviceId": "edge-0003", "moduleId": "tempsensor", "properties": ["reported": ["status": "scanning"]]],
            ["deviceId": "edge-0003", "moduleId": "$edgeAgent", "properties": ["reported": ["status": "running"]]],
        ]
        let query = try TwinQuery("SELECT * FROM devices.modules WHERE properties.reported.status = 'scanning'")
        #expect(query.collection == .modules)
        #expect(query.run(over: modules) == [modules[0]])
        let projected = try TwinQuery("SELECT moduleId FROM devices.modules WHERE devices.modules.deviceId = 'edge-0003'")
        #expect(projected.run(over: modules) == [["moduleId": "tempsensor"], ["moduleId": "$edgeAgent"]])
    }

    @Test func jobsQueriesAcceptTheCollectionPrefixOnPaths() throws {
        let jobs: [JSONValue] = [
            ["deviceId": "sensor-th-0001", "jobId": "job1", "jobType": "scheduleUpdateTwin", "status": "completed"],
            ["deviceId": "sensor-th-0002", "jobId": "job1", "jobType": "scheduleUpdateTwin", "status": "running"],
        ]
        let query = try TwinQuery(
            "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'job1' AND devices.jobs.status = 'completed'")
        #expect(query.collection == .jobs)
        #expect(query.run(over: jobs) == [jobs[0]])
    }

    @Test func propertyNamesMatchIgnoringCaseWithExactMatchesFirst() throws {
        let rows = try TwinQuery("SELECT DeviceID, LastActivityTime FROM devices WHERE Tags.Location.BUILDING = '44'")
            .run(over: Fixtures.hub)
        #expect(rows == [["DeviceID": "edge-0003", "LastActivityTime": "0001-01-01T00:00:00Z"]])
        let twin = Fixtures.twin("d1", tags: ["Mode": "upper", "mode": "lower"])
        #expect(try Fixtures.evaluate("tags.mode", twin) == "lower")
        #expect(try Fixtures.evaluate("tags.Mode", twin) == "upper")
        #expect(try Fixtures.evaluate("tags.MODE", twin) == "upper")
        #expect(try Fixtures.evaluate("tags.location.building = '43'") == true)
    }

    @Test func valuesStillCompareCaseSensitively() throws {
        #expect(try TwinQuery("SELECT * FROM devices WHERE status = 'Enabled'").run(over: Fixtures.hub).isEmpty)
    }

    @Test func matchesAppliesOnlyTheWhereClause() throws {
        let query = try TwinQuery("SELECT deviceId FROM devices WHERE status = 'disabled'")
        #expect(!query.matches(Fixtures.hub[0]))
        #expect(query.matches(Fixtures.hub[2]))
        #expect(try TwinQuery("SELECT * FROM devices").matches(Fixtures.hub[0]))
    }

    @Test func runWorksOverAnySequence() throws {
        let query = try TwinQuery("SELECT deviceId FROM devices WHERE tags.location.building = '44'")
        #expect(query.run(over: Fixtures.hub.lazy.filter { _ in true }) == [["deviceId": "edge-0003"]])
    }
}
