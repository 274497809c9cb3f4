import IoTQuery
import JSONValue
import Testing

@Suite struct FunctionTests {
    @Test func isDefinedTellsPresentFromMissing() throws {
        #expect(try Fixtures.evaluate("IS_DEFINED(tags.cheeseCave)") == true)
        #expect(try Fixtures.evaluate("is_defined(tags.missing)") == false)
        #expect(try Fixtures.evaluate("IS_DEFINED(x509Thumbprint.primaryThumbprint)") == true)
    }

    @Test func typeChecksNameTheJSONType() throws {
        #expect(try Fixtures.evaluate("IS_NULL(x509Thumbprint.primaryThumbprint)") == true)
        #expect(try Fixtures.evaluate("IS_NULL(tags.missing)") == false)
        #expect(try Fixtures.evaluate("IS_BOOL(capabilities.iotEdge)") == true)
        #expect(try Fixtures.evaluate("IS_NUMBER(properties.reported.temperature)") == true)
        #expect(try Fixtures.evaluate("IS_NUMBER('21')") == false)
        #expect(try Fixtures.evaluate("IS_STRING(deviceId)") == true)
        #expect(try Fixtures.evaluate("IS_OBJECT(tags.location)") == true)
        #expect(try Fixtures.evaluate("IS_ARRAY([1, 2])") == true)
        #expect(try Fixtures.evaluate("IS_ARRAY(tags)") == false)
        #expect(try Fixtures.evaluate("IS_PRIMITIVE(null)") == true)
        #expect(try Fixtures.evaluate("IS_PRIMITIVE(tags.location.floor)") == true)
        #expect(try Fixtures.evaluate("IS_PRIMITIVE(tags.location)") == false)
        #expect(try Fixtures.evaluate("IS_PRIMITIVE(tags.missing)") == false)
    }

    @Test func asNumberConvertsNumericStringsOnly() throws {
        #expect(try Fixtures.evaluate("AS_NUMBER('42')") == 42)
        #expect(try Fixtures.evaluate("AS_NUMBER('2.5')") == 2.5)
        #expect(try Fixtures.evaluate("AS_NUMBER(7)") == 7)
        #expect(try Fixtures.evaluate("AS_NUMBER('warm')") == nil)
        #expect(try Fixtures.evaluate("AS_NUMBER(true)") == nil)
    }

    @Test func mathFunctionsFollowTheirDefinitions() throws {
        #expect(try Fixtures.evaluate("ABS(-4)") == 4)
        #expect(try Fixtures.evaluate("ABS(-4.5)") == 4.5)
        #expect(try Fixtures.evaluate("CEILING(2.1)") == 3)
        #expect(try Fixtures.evaluate("FLOOR(-2.1)") == -3)
        #expect(try Fixtures.evaluate("TRUNC(-2.7)") == -2)
        #expect(try Fixtures.evaluate("ROUND(2.5)") == 3)
        #expect(try Fixtures.evaluate("ROUND(-2.5)") == -3)
        #expect(try Fixtures.evaluate("SIGN(-0.5)") == -1)
        #expect(try Fixtures.evaluate("SIGN(0)") == 0)
        #expect(try Fixtures.evaluate("SQUARE(3)") == 9)
        #expect(try Fixtures.evaluate("SQUARE(1.5)") == 2.25)
        #expect(try Fixtures.evaluate("SQRT(16)") == 4.0)
        #expect(try Fixtures.evaluate("POWER(2, 10)") == 1024)
        #expect(try Fixtures.evaluate("POWER(4, 0.5)") == 2.0)
        #expect(try Fixtures.evaluate("EXP(0)") == 1.0)
        #expect(try Fixtures.evaluate("LOG(1)") == 0.0)
        #expect(try Fixtures.evaluate("LOG10(1000)") == 3.0)
    }

    @Test func mathOutsideItsDomainIsUndefined() throws {
        #expect(try Fixtures.evaluate("SQRT(-1)") == nil)
        #expect(try Fixtures.evaluate("LOG(0)") == nil)
        #expect(try Fixtures.evaluate("LOG10(-10)") == nil)
        #expect(try Fixtures.evaluate("ABS('x')") == nil)
        #expect(try Fixtures.evaluate("POWER(2, 'x')") == nil)
        #expect(try Fixtures.evaluate("CEILING(tags.missing)") == nil)
    }

    @Test func stringFunctionsWorkOnCharacters() throws {
        #expect(try Fixtures.evaluate("CONCAT(deviceId, '/', status)") == "sensor-th-0001/enabled")
        #expect(try Fixtures.evaluate("LENGTH('Café')") == 4)
        #expect(try Fixtures.evaluate("LOWER('CheeseCave1')") == "cheesecave1")
        #expect(try Fixtures.evaluate("UPPER('sas')") == "SAS")
        #expect(try Fixtures.evaluate("SUBSTRING('sensor-th', 7)") == "th")
        #expect(try Fixtures.evaluate("SUBSTRING('sensor-th', 0, 6)") == "sensor")
        #expect(try Fixtures.evaluate("SUBSTRING('abc', 5, 1)") == "")
        #expect(try Fixtures.evaluate("INDEX_OF('sensor-th', 'th')") == 7)
        #expect(try Fixtures.evaluate("INDEX_OF('sensor-th', 'xy')") == -1)
    }

    @Test func prefixSuffixAndContainmentAreCaseSensitive() throws {
        #expect(try Fixtures.evaluate("STARTS_WITH(deviceId, 'sensor')") == true)
        #expect(try Fixtures.evaluate("STARTSWITH(deviceId, 'Sensor')") == false)
        #expect(try Fixtures.evaluate("ENDS_WITH(deviceId, '0001')") == true)
        #expect(try Fixtures.evaluate("endswith(deviceId, '0002')") == false)
        #expect(try Fixtures.evaluate("CONTAINS(deviceId, '-th-')") == true)
        #expect(try Fixtures.evaluate("CONTAINS(deviceId, 'TH')") == false)
    }

    @Test func stringFunctionsOnNonStringsAreUndefined() throws {
        #expect(try Fixtures.evaluate("LOWER(5)") == nil)
        #expect(try Fixtures.evaluate("LENGTH(tags.missing)") == nil)
        #expect(try Fixtures.evaluate("CONCAT('a', 1)") == nil)
        #expect(try Fixtures.evaluate("STARTS_WITH(deviceId, 5)") == nil)
    }

    @Test func functionsComposeInsideConditions() throws {
        let rows = try TwinQuery("SELECT * FROM devices WHERE STARTSWITH(LOWER(deviceId), 'sensor') AND LENGTH(deviceId) = 14")
            .run(over: Fixtures.hub)
        #expect(Fixtures.ids(rows) == ["sensor-th-0001", "sensor-th-0002"])
    }
}
