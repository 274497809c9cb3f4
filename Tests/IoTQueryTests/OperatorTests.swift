import IoTQuery
import JSONValue
import Testing

@Suite struct OperatorTests {
    @Test func equalityComparesStringsCaseSensitively() throws {
        #expect(try Fixtures.evaluate("tags.location.building = '43'") == true)
        #expect(try Fixtures.evaluate("tags.cheeseCave = 'cheesecave1'") == false)
        #expect(try Fixtures.evaluate("deviceId = \"sensor-th-0001\"") == true)
    }

    @Test func inequalityHasTwoSpellings() throws {
        #expect(try Fixtures.evaluate("status != 'disabled'") == true)
        #expect(try Fixtures.evaluate("status <> 'disabled'") == true)
        #expect(try Fixtures.evaluate("status <> 'enabled'") == false)
    }

    @Test func orderingComparesNumbersAcrossIntegersAndDoubles() throws {
        #expect(try Fixtures.evaluate("properties.reported.temperature > 21") == true)
        #expect(try Fixtures.evaluate("properties.reported.temperature >= 21.5") == true)
        #expect(try Fixtures.evaluate("properties.reported.temperature < 21.5") == false)
        #expect(try Fixtures.evaluate("properties.reported.temperature <= 21.5") == true)
        #expect(try Fixtures.evaluate("tags.location.floor = 1.0") == true)
    }

    @Test func orderingComparesStringsOrdinally() throws {
        #expect(try Fixtures.evaluate("properties.reported.firmware.currentFwVersion < '1.0.1'") == true)
        #expect(try Fixtures.evaluate("'B' < 'a'") == true)
    }

    @Test func booleansAndNullCompareForEquality() throws {
        #expect(try Fixtures.evaluate("capabilities.iotEdge = false") == true)
        #expect(try Fixtures.evaluate("x509Thumbprint.primaryThumbprint = null") == true)
        #expect(try Fixtures.evaluate("capabilities.iotEdge < true") == nil)
    }

    @Test func arithmeticKeepsIntegersWhole() throws {
        #expect(try Fixtures.evaluate("2 + 3") == 5)
        #expect(try Fixtures.evaluate("2 - 3") == -1)
        #expect(try Fixtures.evaluate("4 * 3") == 12)
        #expect(try Fixtures.evaluate("12 / 4") == 3)
        #expect(try Fixtures.evaluate("7 / 2") == 3.5)
        #expect(try Fixtures.evaluate("7 % 4") == 3)
        #expect(try Fixtures.evaluate("7.5 % 2") == 1.5)
        #expect(try Fixtures.evaluate("0x1F + 1") == 32)
    }

    @Test func arithmeticOnNonNumbersOrByZeroIsUndefined() throws {
        #expect(try Fixtures.evaluate("'a' + 1") == nil)
        #expect(try Fixtures.evaluate("1 / 0") == nil)
        #expect(try Fixtures.evaluate("1 % 0") == nil)
        #expect(try Fixtures.evaluate("tags.missing * 2") == nil)
    }

    @Test func integerOverflowFallsBackToDoubles() throws {
        #expect(try Fixtures.evaluate("9223372036854775807 + 1") == .double(9_223_372_036_854_775_808))
    }

    @Test func precedenceBindsMultiplicationBeforeAdditionBeforeComparison() throws {
        #expect(try Fixtures.evaluate("1 + 2 * 3 = 7") == true)
        #expect(try Fixtures.evaluate("(1 + 2) * 3 = 9") == true)
        #expect(try Fixtures.evaluate("-2 * -3") == 6)
        #expect(try Fixtures.evaluate("-properties.reported.temperature") == -21.5)
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try Fixtures.evaluate("true OR false AND false") == true)
        #expect(try Fixtures.evaluate("(true OR false) AND false") == false)
        #expect(try Fixtures.evaluate("NOT false AND true") == true)
        #expect(try Fixtures.evaluate("not (status = 'enabled')") == false)
    }

    @Test func inAndNinTestMembershipOfAConstantList() throws {
        #expect(try Fixtures.evaluate("tags.location.building IN ['43', '44']") == true)
        #expect(try Fixtures.evaluate("tags.location.building NIN ['43', '44']") == false)
        #expect(try Fixtures.evaluate("tags.location.floor in [2, 3]") == false)
        #expect(try Fixtures.evaluate("tags.location.floor nin [2, 3]") == true)
        #expect(try Fixtures.evaluate("tags.location.floor IN ['1']") == false)
        #expect(try Fixtures.evaluate("-1 IN [-1, 0]") == true)
        #expect(try Fixtures.evaluate("deviceId IN []") == false)
    }

    @Test func keywordsAreCaseInsensitive() throws {
        let rows = try TwinQuery("select * from DEVICES where tags.location.building = '44' and NOT status = 'enabled'")
            .run(over: Fixtures.hub)
        #expect(Fixtures.ids(rows) == ["edge-0003"])
    }

    @Test func bracketsReadMembersThatAreNotPlainNames() throws {
        let twin = Fixtures.twin("d1", tags: ["floor plan": ["wing-a": "north"]])
        #expect(try Fixtures.evaluate("tags['floor plan']['wing-a'] = 'north'", twin) == true)
        #expect(try Fixtures.evaluate("tags[\"floor plan\"].missing", twin) == nil)
    }

    @Test func metadataPathsReadDollarMembers() throws {
        #expect(
            try Fixtures.evaluate("properties.desired.$metadata.$lastUpdated = '2026-01-01T00:00:00Z'") == true)
        #expect(try Fixtures.evaluate("properties.reported.$version") == 1)
    }

    @Test func stringEscapesAreResolved() throws {
        #expect(try Fixtures.evaluate(#"'it\'s'"#) == "it's")
        #expect(try Fixtures.evaluate(#""say \"hi\"""#) == #"say "hi""#)
        #expect(try Fixtures.evaluate(#"'back\\slash \u00e9'"#) == "back\\slash é")
    }
}
