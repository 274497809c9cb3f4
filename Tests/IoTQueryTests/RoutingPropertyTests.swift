import IoTQuery
import JSONValue
import Testing

/// Each kind of property a route condition reads: system properties with `$`, application
/// properties by bare name, and the sender's twin through `$twin`.
@Suite struct RoutingPropertyTests {
    let message = RoutingFixtures.message(properties: ["sensorID": "VSLog", "temperatureAlert": "true"])

    @Test func lab07And08ConditionsSelectByTheSensorIDProperty() throws {
        let log = RoutingFixtures.message(properties: ["sensorID": "VSLog"])
        let telemetry = RoutingFixtures.message(properties: ["sensorID": "VSTel"])
        #expect(try RoutingFixtures.matches(#"sensorID = "VSLog""#, log))
        #expect(try !RoutingFixtures.matches(#"sensorID = "VSLog""#, telemetry))
        #expect(try RoutingFixtures.matches("sensorID = 'VSTel'", telemetry))
        #expect(try !RoutingFixtures.matches("sensorID = 'VSTel'", log))
    }

    @Test func lab04ConditionComparesTheAlertPropertyAsAString() throws {
        #expect(try RoutingFixtures.matches(#"temperatureAlert = "true""#, message))
        #expect(try !RoutingFixtures.matches(#"temperatureAlert = "true""#, RoutingFixtures.message(properties: ["temperatureAlert": "false"])))
        // Application properties are strings: comparing with the boolean true is undefined.
        #expect(try !RoutingFixtures.matches("temperatureAlert = true", message))
    }

    @Test func applicationPropertyNamesIgnoreLetterCase() throws {
        #expect(try RoutingFixtures.matches("SENSORID = 'VSLog'", message))
        #expect(try RoutingFixtures.matches("sensorid = 'VSLog'", message))
    }

    @Test func systemPropertiesAreReadByTheirDocumentedNames() throws {
        #expect(try RoutingFixtures.matches("$contentType = 'application/json'", message))
        #expect(try RoutingFixtures.matches("$contentEncoding = 'utf-8'", message))
        #expect(try RoutingFixtures.matches("$connectionDeviceId = 'sensor-v-3000'", message))
        #expect(try RoutingFixtures.matches("$enqueuedTime > '2026-11-27'", message))
        #expect(try RoutingFixtures.matches("$messageId = 'm-1'", message))
        #expect(try RoutingFixtures.matches("$CONNECTIONDEVICEID = 'sensor-v-3000'", message))
    }

    @Test func systemPropertiesAreReadByTheirHyphenatedKeys() throws {
        #expect(try RoutingFixtures.matches("$iothub-enqueuedtime = '2026-11-27T20:00:00.000Z'", message))
        #expect(try RoutingFixtures.matches("$iothub-message-source = 'Telemetry'", message))
        #expect(try RoutingFixtures.matches("starts_with($iothub-connection-auth-method, '{\"scope\":\"device\"')", message))
        #expect(try RoutingFixtures.matches("$iothub-connection-device-id='sensor-v-3000'", message))
    }

    @Test func digitalTwinPropertiesKeepTheirHyphenatedNames() throws {
        var message = message
        message.systemProperties["dt-dataschema"] = "dtmi:com:example:Thermostat;1"
        message.systemProperties["dt-subject"] = "thermostat1"
        #expect(try RoutingFixtures.matches("$dt-dataschema = 'dtmi:com:example:Thermostat;1' AND $dt-subject = 'thermostat1'", message))
    }

    @Test func camelCaseSystemPropertyKeysAreAcceptedToo() throws {
        let message = RoutedMessage(systemProperties: ["contentType": "application/json", "correlationId": "c-9"])
        #expect(try RoutingFixtures.matches("$contentType = 'application/json' AND $correlationId = 'c-9'", message))
    }

    @Test func anUnknownDollarNameFallsBackToSystemThenApplicationProperties() throws {
        let message = RoutedMessage(
            systemProperties: ["x-custom": "from-system"], applicationProperties: ["$flag": "on"])
        #expect(try RoutingFixtures.matches("$x-custom = 'from-system'", message))
        #expect(try RoutingFixtures.matches("$flag = 'on'", message))
    }

    @Test func aHyphenAfterAPlainNameStillSubtracts() throws {
        let message = RoutedMessage(applicationProperties: ["a": "5"])
        #expect(try RoutingFixtures.matches("as_number(a)-1 = 4", message))
        #expect(try RoutingFixtures.matches("$body.vibration-1 > 2", RoutingFixtures.message()))
    }

    @Test func twinTagsAndPropertiesAreReadThroughDollarTwin() throws {
        let twin = Fixtures.twin(
            "sensor-v-3000", tags: ["deploymentLocation": ["building": "43", "floor": 1]],
            desired: ["telemetryConfig": ["sendFrequency": "5m"]],
            reported: ["batteryLevel": 55, "modes": ["eco", "turbo"]])
        let message = RoutingFixtures.message(twin: twin)
        #expect(try RoutingFixtures.matches("$twin.tags.deploymentLocation.floor = 1", message))
        #expect(try RoutingFixtures.matches("$twin.properties.desired.telemetryConfig.sendFrequency = '5m'", message))
        #expect(try RoutingFixtures.matches("$twin.properties.reported.batteryLevel < 60", message))
        #expect(try RoutingFixtures.matches("$twin.properties.reported.modes[1] = 'turbo'", message))
        #expect(try RoutingFixtures.matches("$body.vibration > 3 AND $twin.tags.deploymentLocation.building = '43'", message))
        #expect(try !RoutingFixtures.matches("$twin.tags.deploymentLocation.floor = 2", message))
    }

    @Test func aConditionSaysWhetherItNeedsTheTwin() throws {
        #expect(try RoutingCondition("$TWIN.tags.building = '43' OR sensorID = 'VSLog'").readsTwin)
        #expect(try !RoutingCondition("sensorID = 'VSLog' AND $body.twin = 1").readsTwin)
    }

    @Test func aConditionSaysWhetherItReadsSystemProperties() throws {
        #expect(try RoutingCondition("$contentType = 'application/json'").readsSystemProperties)
        #expect(try RoutingCondition("sensorID = 'VSLog' OR $iothub-enqueuedtime > '2026'").readsSystemProperties)
        #expect(try RoutingCondition("$customAppProperty = 1").readsSystemProperties, "a $ name may be an application property")
        #expect(try !RoutingCondition("$BODY.temperature > 30 AND $twin.tags.floor = 2 AND level = 'x'").readsSystemProperties)
    }

    @Test func aMissingPropertyIsNoMatch() throws {
        #expect(try !RoutingFixtures.matches("sensorID = 'VSLog'", RoutingFixtures.message()))
        #expect(try !RoutingFixtures.matches("$connectionModuleId = 'tempsensor'"))
        #expect(try !RoutingFixtures.matches("$twin.tags.building = '43'"))
        #expect(try !RoutingFixtures.matches("sensorID != 'VSLog'", RoutingFixtures.message()))
        #expect(try RoutingFixtures.matches("NOT is_defined(sensorID)", RoutingFixtures.message()))
    }

    @Test func trueIsTheConditionThatTakesEveryMessage() throws {
        #expect(try RoutingFixtures.matches("true", RoutedMessage()))
        #expect(try RoutingFixtures.matches("TRUE"))
        #expect(try !RoutingFixtures.matches("false"))
    }

    @Test func aConditionOnOneMessageEvaluatesManyRoutesInOrder() throws {
        let conditions = try ["sensorID = 'VSLog'", "sensorID = 'VSTel'", "$body.vibration > 3", "true"].map(RoutingCondition.init)
        let evaluations = RoutingFixtures.message(properties: ["sensorID": "VSTel"]).evaluate(conditions)
        #expect(evaluations.map(\.matched) == [false, true, true, true])
    }
}
