import HubEngine
import JSONValue
import Testing

@Suite struct TelemetryRoutingTests {
    private let alertRoute = MessageRoute(name: "alerts", source: .deviceMessages, condition: #"temperatureAlert = "true""#, endpointNames: ["alerts"])

    @Test func messageNoRouteMatchesGoesToEventsThroughTheFallback() async throws {
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute]))
        let decision = try await fixture.send(properties: ["temperatureAlert": "false"]).decision
        #expect(decision.endpoints == ["events"])
        #expect(decision.fallbackApplied)
        #expect(decision.routes.map(\.matched) == [false])
    }

    @Test func matchedCustomRouteRemovesTheMessageFromEvents() async throws {
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute]))
        let decision = try await fixture.send(properties: ["temperatureAlert": "true"]).decision
        #expect(decision.endpoints == ["alerts"])
        #expect(!decision.fallbackApplied)
    }

    @Test func explicitRouteToEventsKeepsTheMessageThereToo() async throws {
        let toEvents = MessageRoute(name: "all", source: .deviceMessages, condition: "true", endpointNames: ["events"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute, toEvents]))
        let decision = try await fixture.send(properties: ["temperatureAlert": "true"]).decision
        #expect(decision.endpoints == ["alerts", "events"])
        #expect(!decision.fallbackApplied)
    }

    @Test func twoRoutesToOneEndpointDeliverOnce() async throws {
        let again = MessageRoute(name: "again", source: .deviceMessages, condition: "true", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute, again]))
        let decision = try await fixture.send(properties: ["temperatureAlert": "true"]).decision
        #expect(decision.endpoints == ["alerts"])
        #expect(decision.routes.map(\.matched) == [true, true])
    }

    @Test func disabledFallbackLeavesAnUnmatchedMessageOrphaned() async throws {
        var fallback = MessageRoute.defaultFallback
        fallback.isEnabled = false
        let fixture = try await TelemetryFixture(
            routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute], fallbackRoute: fallback))
        let decision = try await fixture.send().decision
        #expect(decision.isOrphaned)
        #expect(await fixture.hub.metricsSnapshot.counters["d2c.telemetry.egress.orphaned"] == 1)
    }

    @Test func disabledRouteIsNotEvaluated() async throws {
        var disabled = alertRoute
        disabled.isEnabled = false
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [disabled]))
        let decision = try await fixture.send(properties: ["temperatureAlert": "true"]).decision
        #expect(decision.endpoints == ["events"])
        #expect(decision.routes.first?.evaluation == nil)
    }

    @Test func bodyConditionReadsJSONAndRecordsTheValuesRead() async throws {
        let hot = MessageRoute(name: "hot", source: .deviceMessages, condition: "$body.temperature > 30", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [hot]))
        let decision = try await fixture.send(#"{"temperature":35}"#).decision
        #expect(decision.endpoints == ["alerts"])
        #expect(decision.routes.first?.evaluation?.reads.first?.path == "$body.temperature")
        #expect(decision.routes.first?.evaluation?.reads.first?.value == 35)
    }

    @Test func evaluationErrorCountsAsNoMatchAndIsRecorded() async throws {
        let hot = MessageRoute(name: "hot", source: .deviceMessages, condition: "$body.temperature > 30", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [hot]))
        let receipt = try await fixture.hub.ingest(DeviceMessage(body: Array(#"{"temperature":35}"#.utf8)), from: MessageSender(deviceId: "d1"))
        #expect(receipt.decision.endpoints == ["events"])
        let error = try #require(receipt.decision.routes.first?.evaluation?.error)
        #expect(error.contains("undefined"))
        #expect(try fixture.journal("MessageRouted").first?[path: ["errors", "hot"]] == .string(error))
    }

    @Test func twinConditionReadsTheSendersTags() async throws {
        let floor = MessageRoute(name: "floor2", source: .deviceMessages, condition: "$twin.tags.floor = 2", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(
            devices: ["d1", "d2"], routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [floor]))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"floor":2}}"#), ifMatch: nil)
        #expect(try await fixture.send(from: "d1").decision.endpoints == ["alerts"])
        #expect(try await fixture.send(from: "d2").decision.endpoints == ["events"])
    }

    @Test func changedRoutingTakesEffectOnTheNextMessage() async throws {
        let fixture = try await TelemetryFixture()
        #expect(try await fixture.send(properties: ["temperatureAlert": "true"]).decision.endpoints == ["events"])
        try await fixture.route(RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute]))
        #expect(try await fixture.send(properties: ["temperatureAlert": "true"]).decision.endpoints == ["alerts"])
    }

    @Test func routeTesterTracesOneNamedRouteOrEveryRouteOfASource() async throws {
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute]))
        let message = RouteTestMessage(applicationProperties: ["temperatureAlert": "true"])
        let named = try await fixture.hub.testRoutes(source: .deviceMessages, routeName: "ALERTS", message: message)
        #expect(named.matchedRoutes.map(\.name) == ["alerts"])
        let twinRoutes = try await fixture.hub.testRoutes(source: .twinChangeEvents, routeName: nil, message: message)
        #expect(twinRoutes.routes.isEmpty)
        await #expect(throws: HubError.argumentInvalid(field: "routeName", rule: "the hub has no route named 'nope'")) {
            try await fixture.hub.testRoutes(source: .deviceMessages, routeName: "nope", message: message)
        }
        #expect(try fixture.journal("MessageRouted").isEmpty)
    }
}

@Suite struct TelemetryModuleRoutingTests {
    @Test func moduleMessageIsStampedWithItsModuleAndRoutedOnTheModuleTwin() async throws {
        let route = MessageRoute(
            name: "filter", source: .deviceMessages, condition: #"$connectionModuleId = "filter" AND $twin.tags.role = "edge""#,
            endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [route]))
        _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "filter", deviceId: "d1"))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"role":"edge"}}"#), ifMatch: nil)
        let sender = MessageSender(deviceId: "d1", moduleId: "filter")
        // The device's tags are not the module's: modules have their own twin.
        #expect(try await fixture.hub.ingest(DeviceMessage(body: [1]), from: sender).decision.endpoints == ["events"])
        _ = try await fixture.hub.updateModuleTwin(of: "filter", on: "d1", patch: json(#"{"tags":{"role":"edge"}}"#), ifMatch: nil)
        let decision = try await fixture.hub.ingest(DeviceMessage(body: [1]), from: sender).decision
        #expect(decision.endpoints == ["alerts"])
        #expect(decision.moduleId == "filter")
    }

    @Test func unknownModuleIsModuleNotFound() async throws {
        let fixture = try await TelemetryFixture()
        await #expect(throws: HubError.moduleNotFound(deviceId: "d1", moduleId: "ghost")) {
            try await fixture.hub.ingest(DeviceMessage(body: [1]), from: MessageSender(deviceId: "d1", moduleId: "ghost"))
        }
    }
}
