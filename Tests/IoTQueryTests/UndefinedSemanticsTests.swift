import IoTQuery
import JSONValue
import Testing

/// Azure's rules for missing properties and mismatched types: undefined, never an error, and a
/// condition holds only when it is the boolean `true`.
@Suite struct UndefinedSemanticsTests {
    @Test func aMissingPathIsUndefined() throws {
        #expect(try Fixtures.evaluate("tags.nothing.here") == nil)
        #expect(try Fixtures.evaluate("tags.location.building.deeper") == nil)
    }

    @Test func comparingUndefinedWithAnythingIsUndefined() throws {
        #expect(try Fixtures.evaluate("tags.missing = 'x'") == nil)
        #expect(try Fixtures.evaluate("tags.missing != 'x'") == nil)
        #expect(try Fixtures.evaluate("tags.missing = tags.missing") == nil)
        #expect(try Fixtures.evaluate("tags.missing IN ['x']") == nil)
        #expect(try Fixtures.evaluate("tags.missing NIN ['x']") == nil)
    }

    @Test func notOfUndefinedStaysUndefinedSoTheDocumentIsExcluded() throws {
        #expect(try Fixtures.evaluate("NOT (tags.missing = 'x')") == nil)
        let rows = try TwinQuery("SELECT * FROM devices WHERE NOT (tags.cheeseCave = 'CheeseCave1')").run(over: Fixtures.hub)
        #expect(rows.isEmpty)
    }

    @Test func comparisonsAcrossTypesAreUndefined() throws {
        #expect(try Fixtures.evaluate("tags.location.building = 43") == nil)
        #expect(try Fixtures.evaluate("tags.location.building != 43") == nil)
        #expect(try Fixtures.evaluate("'1' < 2") == nil)
        #expect(try Fixtures.evaluate("null = false") == nil)
    }

    @Test func objectsAndArraysDoNotCompare() throws {
        #expect(try Fixtures.evaluate("tags.location = tags.location") == nil)
        #expect(try Fixtures.evaluate("[1] = [1]") == nil)
        #expect(try Fixtures.evaluate("tags.location IN ['43']") == nil)
    }

    @Test func logicIsThreeValued() throws {
        #expect(try Fixtures.evaluate("false AND tags.missing = 1") == false)
        #expect(try Fixtures.evaluate("tags.missing = 1 AND false") == false)
        #expect(try Fixtures.evaluate("true AND tags.missing = 1") == nil)
        #expect(try Fixtures.evaluate("true OR tags.missing = 1") == true)
        #expect(try Fixtures.evaluate("tags.missing = 1 OR true") == true)
        #expect(try Fixtures.evaluate("false OR tags.missing = 1") == nil)
        #expect(try Fixtures.evaluate("NOT 'text'") == nil)
    }

    @Test func onlyTheBooleanTrueSatisfiesACondition() throws {
        let twin = Fixtures.hub[0]
        #expect(try QueryCondition("tags.location.building = '43'").isSatisfied(by: twin))
        #expect(try !QueryCondition("tags.location.building").isSatisfied(by: twin))
        #expect(try !QueryCondition("null").isSatisfied(by: twin))
        #expect(try !QueryCondition("undefined").isSatisfied(by: twin))
        #expect(try !QueryCondition("1").isSatisfied(by: twin))
    }
}
