import HubEngine
import Testing

@Suite struct MetricsTests {
    @Test func ingressEgressAndGaugesUseAzureMonitorNames() async throws {
        let alerts = MessageRoute(name: "alerts", source: .deviceMessages, condition: #"alert = "1""#, endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(devices: ["d1", "d2"], routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alerts]))
        _ = try await fixture.send(properties: ["alert": "1"])
        _ = try await fixture.send(properties: ["alert": "0"])
        _ = try? await fixture.send(from: "ghost")
        try await fixture.hub.recordConnection(.connected, ofDevice: "d2", module: nil)
        let snapshot = await fixture.hub.metricsSnapshot
        #expect(snapshot.counters["d2c.telemetry.ingress.allProtocol"] == 3)
        #expect(snapshot.counters["d2c.telemetry.ingress.success"] == 2)
        #expect(snapshot.counters["d2c.endpoints.egress.serviceBusQueues"] == 1)
        #expect(snapshot.counters["d2c.endpoints.egress.builtIn.events"] == 1)
        #expect(snapshot.counters["d2c.telemetry.egress.fallback"] == 1)
        #expect(snapshot.counters["d2c.telemetry.egress.success"] == 2)
        #expect(snapshot.gauges == ["connectedDeviceCount": 1, "totalDeviceCount": 2, "dailyMessageQuotaUsed": 2])
        #expect(snapshot.all.first?.name == "connectedDeviceCount")
    }

    @Test func systemEventsCountAsEndpointEgressNotAsTelemetry() async throws {
        let twin = MessageRoute(name: "twin", source: .twinChangeEvents, condition: "true", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [twin]))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"a":1}}"#), ifMatch: nil)
        let counters = await fixture.hub.metricsSnapshot.counters
        #expect(counters["d2c.endpoints.egress.serviceBusQueues"] == 1)
        #expect(counters["d2c.telemetry.egress.success"] == nil)
        #expect(counters["d2c.telemetry.ingress.success"] == nil)
    }
}
