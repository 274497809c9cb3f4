import HubEngine
import JSONValue
import Testing

@Suite struct EnrichmentTests {
    private func fixture(_ enrichments: [MessageEnrichment]) async throws -> TelemetryFixture {
        let all = MessageRoute(name: "all", source: .deviceMessages, condition: "true", endpointNames: ["alerts"])
        let events = MessageRoute(name: "events", source: .deviceMessages, condition: "true", endpointNames: ["events"])
        return try await TelemetryFixture(
            routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [all, events], enrichments: enrichments))
    }

    private func stamped(_ decision: RoutingDecision, for endpoint: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: decision.enrichments.filter { $0.endpointName == endpoint }.map { ($0.key, $0.value) })
    }

    @Test func staticHubNameAndTwinValuesAreStampedOnTheListedEndpointsOnly() async throws {
        let fixture = try await fixture([
            MessageEnrichment(key: "owner", value: "lab", endpointNames: ["alerts"]),
            MessageEnrichment(key: "hub", value: "$iothubname", endpointNames: ["alerts", "events"]),
            MessageEnrichment(key: "floor", value: "$twin.tags.floor", endpointNames: ["alerts"]),
        ])
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"floor":"second"}}"#), ifMatch: nil)
        let decision = try await fixture.send().decision
        #expect(stamped(decision, for: "alerts") == ["owner": "lab", "hub": "lab-hub", "floor": "second"])
        #expect(stamped(decision, for: "events") == ["hub": "lab-hub"])
    }

    @Test func missingTwinPathStampsTheLiteralValue() async throws {
        let fixture = try await fixture([MessageEnrichment(key: "location", value: "$twin.tags.location", endpointNames: ["alerts"])])
        let decision = try await fixture.send().decision
        #expect(stamped(decision, for: "alerts") == ["location": "$twin.tags.location"])
    }

    @Test func nonStringTwinValueIsStampedAsJSON() async throws {
        let fixture = try await fixture([MessageEnrichment(key: "interval", value: "$twin.properties.desired.interval", endpointNames: ["alerts"])])
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"properties":{"desired":{"interval":5}}}"#), ifMatch: nil)
        #expect(stamped(try await fixture.send().decision, for: "alerts") == ["interval": "5"])
    }

    @Test func enrichmentThatPushesAMessageOver256KilobytesIsMessageTooLarge() async throws {
        let fixture = try await fixture([MessageEnrichment(key: "owner", value: "lab", endpointNames: ["alerts"])])
        // 262,144 bytes as sent; "owner" + "lab" adds 8 on the copy for `alerts`.
        let message = DeviceMessage(body: [UInt8](repeating: 65, count: 262_144))
        await #expect(throws: TelemetryError.messageTooLarge(size: 262_152, limit: 262_144, endpoint: "alerts")) {
            try await fixture.hub.ingest(message, from: MessageSender(deviceId: "d1"))
        }
    }

    @Test func eachEndpointStoresItsOwnEnrichedCopy() async throws {
        let fixture = try await fixture([
            MessageEnrichment(key: "owner", value: "lab", endpointNames: ["alerts"]),
            MessageEnrichment(key: "hub", value: "$iothubname", endpointNames: ["events"]),
        ])
        _ = try await fixture.send(properties: ["a": "1"])
        let reader = EndpointReader(workspace: fixture.base.workspace, hubName: "lab-hub")
        let alerts = try reader.read(stream: "endpoint:alerts", partition: 0, from: .earliest, limit: 10)
        #expect(alerts.map(\.message.applicationProperties) == [["a": "1", "owner": "lab"]])
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        #expect(try reader.readAll(from: &positions, limit: 10).map(\.message.applicationProperties) == [["a": "1", "hub": "lab-hub"]])
    }
}
