import DeviceSimulation
import JSONValue
import Testing

@Suite struct SimulationDefinitionTests {
    private func definition(_ text: String) throws -> SimulationDefinition {
        try SimulationDefinition(text: text)
    }

    @Test func aMinimalDefinitionTakesTheDefaults() throws {
        let minimal = try definition(#"{"name": "quiet"}"#)
        #expect(minimal.intervalSeconds == 1)
        #expect(minimal.count == 0)
        #expect(minimal.messages.isEmpty)
        #expect(minimal.methods.isEmpty)
        #expect(minimal.cloudToDevice == nil)
        #expect(minimal.twin == .none)
    }

    @Test func variablesAreReadAsTheTelemetrySimulatorDefinesThem() throws {
        let read = try definition(
            """
            {"name": "v", "variables": [
              {"name": "Temp", "random": true, "min": 23, "max": 25},
              {"name": "Humidity", "random": true, "min": 60, "max": 80, "decimals": 2},
              {"name": "Counter", "min": 100},
              {"name": "Level", "min": 0, "max": 3, "step": 1},
              {"name": "Engine", "values": ["on", "off"]},
              {"name": "Cycle", "values": ["$.Counter", 7], "sequence": true},
              {"name": "Code", "customLengthString": 6},
              {"name": "Any", "random": true}
            ]}
            """)
        #expect(read.variables.map(\.kind) == [
            .randomInteger(23..<25), .randomDecimal(min: 60, max: 80, decimals: 2), .counter(start: 100, step: 1, max: nil),
            .counter(start: 0, step: 1, max: 3), .choice(["on", "off"], sequence: false), .choice(["$.Counter", 7], sequence: true),
            .randomString(length: 6), .randomInteger(nil),
        ])
    }

    @Test func aMisspeltMemberIsRefusedWithItsPath() throws {
        #expect(throws: SimulationError.invalidDefinition(
            field: "intervalSecond", reason: "unknown member 'intervalSecond'; expected one of name, description, deviceId, moduleId, intervalSeconds, count, seed, variables, messages, twin, methods, cloudToDevice"
        )) {
            try definition(#"{"name": "x", "intervalSecond": 2}"#)
        }
    }

    @Test func aRandomRangeMustGrow() throws {
        #expect(throws: SimulationError.invalidDefinition(field: "variables[0].max", reason: "must be greater than min (30)")) {
            try definition(#"{"name": "x", "variables": [{"name": "t", "random": true, "min": 30, "max": 30}]}"#)
        }
    }

    @Test func aRandomWholeNumberNeedsWholeBounds() throws {
        #expect(throws: SimulationError.invalidDefinition(
            field: "variables[0]", reason: "a random whole number needs whole 'min' and 'max'; give 'decimals' for fractions"
        )) {
            try definition(#"{"name": "x", "variables": [{"name": "t", "random": true, "min": 20.5, "max": 30}]}"#)
        }
    }

    @Test func aBuiltInNameCannotBeRedefined() throws {
        #expect(throws: SimulationError.invalidDefinition(field: "variables[0].name", reason: "'Time' is a built-in value and cannot be redefined")) {
            try definition(#"{"name": "x", "variables": [{"name": "Time", "min": 1}]}"#)
        }
    }

    @Test func aValuesReferenceMustNameAnEarlierVariable() throws {
        #expect(throws: SimulationError.invalidDefinition(
            field: "variables[0].values[0]", reason: "$.later must name a built-in value or a variable declared before this one"
        )) {
            try definition(#"{"name": "x", "variables": [{"name": "a", "values": ["$.later"]}, {"name": "later", "min": 1}]}"#)
        }
    }

    @Test func anUnknownPlaceholderIsRefusedWhereItIsWritten() throws {
        #expect(throws: SimulationError.invalidDefinition(
            field: "messages[0].template.t",
            reason: "placeholder $.tempreature names no variable; known: $.DeviceId, $.Epoch, $.Guid, $.LocalTime, $.MachineName, $.MessageNumber, $.ModuleId, $.Ticks, $.Time, $.temperature"
        )) {
            try definition(
                #"{"name": "x", "variables": [{"name": "temperature", "min": 1}], "messages": [{"template": {"t": "$.tempreature"}}]}"#)
        }
    }

    @Test func aPropertyExpressionThatDoesNotParseNamesItsColumn() throws {
        #expect(throws: SimulationError.invalidDefinition(
            field: "messages[0].properties.alert.expression",
            reason: "line 1, column 14: expected a value, found the end of the query"
        )) {
            try definition(#"{"name": "x", "messages": [{"template": "", "properties": {"alert": {"expression": "temperature >"}}}]}"#)
        }
    }

    @Test func aPropertyGivesValueOrExpressionNotBoth() throws {
        #expect(throws: SimulationError.invalidDefinition(
            field: "messages[0].properties.p",
            reason: "give either 'value' (text) or 'expression' (a query expression), not both or neither"
        )) {
            try definition(#"{"name": "x", "messages": [{"template": "", "properties": {"p": {"value": "a", "expression": "true"}}}]}"#)
        }
    }

    @Test func theIntervalMustBePositive() throws {
        #expect(throws: SimulationError.invalidDefinition(field: "intervalSeconds", reason: "must be more than 0 and at most 86400 seconds, not 0")) {
            try definition(#"{"name": "x", "intervalSeconds": 0}"#)
        }
    }

    @Test func theSettlementMustBeOneOfAzChoices() throws {
        #expect(throws: SimulationError.invalidDefinition(field: "cloudToDevice", reason: "must be one of complete, abandon, reject, not 'accept'")) {
            try definition(#"{"name": "x", "cloudToDevice": "accept"}"#)
        }
    }

    @Test func malformedJSONNamesLineAndColumn() throws {
        let error = try #require(throws: SimulationError.self) { try definition("{\"name\": \n  }") }
        #expect(error.message.hasPrefix("simulation definition, (document): line 2, column 3"))
    }

    @Test func methodsFallBackToTheWildcard() throws {
        let read = try definition(#"{"name": "x", "methods": {"reboot": {"status": 202}, "*": {"status": 404, "payload": {"error": "$.MethodName"}}}}"#)
        #expect(read.method(named: "reboot")?.status == 202)
        #expect(read.method(named: "other")?.status == 404)
        #expect(try definition(#"{"name": "x"}"#).method(named: "reboot") == nil)
    }
}
