import IoTQuery
import JSONValue
import Testing

/// The query strings the official AZ-220 labs and Microsoft's query-language article use.
@Suite struct OfficialLabQueryTests {
    @Test func lab15FindsTheDevicesInACheeseCave() throws {
        let rows = try TwinQuery("SELECT * FROM devices WHERE tags.cheeseCave = 'CheeseCave1'").run(over: Fixtures.hub)
        #expect(Fixtures.ids(rows) == ["sensor-th-0001"])
    }

    @Test func lab16MetricCountsUpdatedFirmwareWithoutSpacesAroundTheOperator() throws {
        let rows = try TwinQuery(
            "SELECT deviceId FROM devices WHERE properties.reported.firmware.currentFwVersion='1.0.1'"
        ).run(over: Fixtures.hub)
        #expect(rows == [["deviceId": "sensor-th-0002"], ["deviceId": "edge-0003"]])
    }

    @Test func lab16TargetConditionSelectsOneDevice() throws {
        let condition = try QueryCondition("deviceId='sensor-th-0155'")
        #expect(condition.isSatisfied(by: Fixtures.twin("sensor-th-0155")))
        #expect(!condition.isSatisfied(by: Fixtures.hub[0]))
    }

    @Test func labCheckCountsASymmetricKeyDevice() throws {
        let rows = try TwinQuery(
            "SELECT * FROM devices WHERE deviceId = 'sensor-th-0001' AND authenticationType = 'sas'"
        ).run(over: Fixtures.hub)
        #expect(rows.count == 1)
    }

    @Test func theArticlesGroupByExampleParses() throws {
        let query = try TwinQuery(
            """
            SELECT properties.reported.telemetryConfig.status AS status,
                COUNT() AS numberOfDevices
            FROM devices
            GROUP BY properties.reported.telemetryConfig.status
            """)
        let twins = ["Success", "Success", "Pending", "Success", "Error", "Pending"].enumerated().map { index, status in
            Fixtures.twin("d\(index)", reported: ["telemetryConfig": ["status": .string(status)]])
        }
        #expect(
            query.run(over: twins) == [
                ["numberOfDevices": 3, "status": "Success"],
                ["numberOfDevices": 2, "status": "Pending"],
                ["numberOfDevices": 1, "status": "Error"],
            ])
    }

    @Test func theArticlesFilteringExamplesRun() throws {
        let twin = Fixtures.twin(
            "myDeviceId", tags: ["location": ["region": "US", "plant": "Redmond43"]],
            reported: ["connectivity": ["type": "cellular"], "telemetryConfig": ["sendFrequencyInSecs": 300]])
        let queries = [
            "SELECT * FROM devices WHERE tags.location.region = 'US'",
            "SELECT * FROM devices WHERE tags.location.region = 'US' AND properties.reported.telemetryConfig.sendFrequencyInSecs >= 60",
            "SELECT * FROM devices WHERE properties.reported.connectivity.type IN ['wired', 'wifi', 'cellular']",
            "SELECT * FROM devices WHERE is_defined(properties.reported.connectivity)",
            "SELECT * FROM devices WHERE tags.location.region = 'US' AND tags.location.plant IN ['Redmond43', 'Redmond25']",
            "SELECT LastActivityTime FROM devices WHERE status = 'enabled'",
        ]
        for text in queries {
            #expect(try TwinQuery(text).run(over: [twin]).count == 1, "\(text)")
        }
        let unmatched = "SELECT * FROM devices WHERE tags.location.region = 'US' AND properties.reported.connectivity NIN ['wired', 'wifi']"
        #expect(try TwinQuery(unmatched).run(over: [twin]).isEmpty)
    }
}
