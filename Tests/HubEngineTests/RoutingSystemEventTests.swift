import HubEngine
import JSONValue
import Testing

@Suite struct RoutingSystemEventTests {
    private func route(_ source: RoutingSource) -> MessageRoute {
        MessageRoute(name: "r-\(source.rawValue)", source: source, condition: "true", endpointNames: ["alerts"])
    }

    @Test func twinChangeIsRoutedOnlyWhenARouteForItsSourceExists() async throws {
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":1}}"#), ifMatch: nil)
        #expect(try fixture.journal("MessageRouted").isEmpty)
        try await fixture.route(RoutingConfiguration(endpoints: TestEndpoints.both, routes: [route(.twinChangeEvents)]))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"properties":{"desired":{"x":1}}}"#), ifMatch: nil)
        let routed = try fixture.journal("MessageRouted")
        #expect(routed.count == 1)
        #expect(routed.first?["source"] == "TwinChangeEvents")
        #expect(routed.first?["endpoints"] == ["alerts"])
    }

    @Test func twinChangeNotificationHasAzuresPropertiesAndBody() async throws {
        let condition = #"opType = "updateTwin" AND $body.properties.desired.x = 1 AND $contentType = "application/json""#
        let twinRoute = MessageRoute(name: "twin", source: .twinChangeEvents, condition: condition, endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [twinRoute]))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"properties":{"desired":{"x":1}}}"#), ifMatch: nil)
        let decision = try #require(await fixture.hub.recentRoutingDecisions(limit: 1).first)
        #expect(decision.endpoints == ["alerts"])
        #expect(decision.routes.first?.evaluation?.error == nil)
    }

    @Test func lifecycleEventsAreRoutedForCreateAndDelete() async throws {
        let lifecycle = MessageRoute(name: "life", source: .deviceLifecycleEvents, condition: #"opType = "deleteDeviceIdentity""#, endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(devices: [], routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [lifecycle]))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d9"))
        try await fixture.hub.deleteDevice("d9", ifMatch: nil)
        let decisions = await fixture.hub.recentRoutingDecisions(limit: 10)
        #expect(decisions.map(\.source) == [.deviceLifecycleEvents, .deviceLifecycleEvents])
        #expect(decisions.map(\.endpoints) == [[], ["alerts"]])
    }

    @Test func connectionStateEventsCarryTheOperation() async throws {
        let connected = MessageRoute(
            name: "conn", source: .deviceConnectionStateEvents,
            condition: #"opType = "deviceConnected" AND is_string($body.sequenceNumber)"#, endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [connected]))
        try await fixture.hub.recordConnection(.connected, ofDevice: "d1", module: nil)
        try await fixture.hub.recordConnection(.disconnected, ofDevice: "d1", module: nil)
        let decisions = await fixture.hub.recentRoutingDecisions(limit: 10)
        #expect(decisions.map(\.endpoints) == [["alerts"], []])
    }

    @Test func systemEventsNeverTakeTheFallbackRoute() async throws {
        let never = MessageRoute(name: "never", source: .twinChangeEvents, condition: "false", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [never]))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":1}}"#), ifMatch: nil)
        let decision = try #require(await fixture.hub.recentRoutingDecisions(limit: 1).first)
        #expect(decision.isOrphaned)
        #expect(!decision.fallbackApplied)
    }

    @Test func bulkImportNotifiesEachDeviceItCreatesOrDeletes() async throws {
        let lifecycle = MessageRoute(name: "life", source: .deviceLifecycleEvents, condition: "true", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [lifecycle]))
        let report = await fixture.hub.importDevices([
            ExportImportDevice(id: "n1", importMode: .create), ExportImportDevice(id: "n2", importMode: .create),
            ExportImportDevice(id: "d1", importMode: .delete),
        ])
        #expect(report.errors.isEmpty)
        let decisions = await fixture.hub.recentRoutingDecisions(limit: 10)
        #expect(decisions.map(\.deviceId) == ["d1", "n1", "n2"])
        #expect(decisions.allSatisfy { $0.source == .deviceLifecycleEvents && $0.endpoints == ["alerts"] })
    }
}
