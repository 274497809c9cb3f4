import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing

@Suite struct TelemetryIngestTests {
    @Test func messageIsStampedAndAcknowledgedAtTheClocksTime() async throws {
        let fixture = try await TelemetryFixture()
        let receipt = try await fixture.send()
        #expect(receipt.enqueuedTime == fixture.clock.now())
        #expect(receipt.decision.deviceId == "d1")
        #expect(receipt.decision.endpoints == ["events"])
        let routed = try fixture.journal("MessageRouted")
        #expect(routed.count == 1)
        #expect(routed.first?["endpoints"] == ["events"])
        #expect(routed.first?["fallbackApplied"] == true)
    }

    @Test func stampedSystemPropertiesUseAzuresNamesAndAuthMethodText() {
        let message = DeviceMessage(body: [1], messageId: "m1", contentType: "application/json")
        let stamped = HubMessage(
            stamping: message, from: MessageSender(deviceId: "d1", moduleId: "m"), generationId: "638000", at: Date(timeIntervalSince1970: 0))
        let named = Dictionary(uniqueKeysWithValues: stamped.systemProperties.named.map { ($0.name, $0.value) })
        #expect(named["message-id"] == "m1")
        #expect(named["iothub-connection-device-id"] == "d1")
        #expect(named["iothub-connection-module-id"] == "m")
        #expect(named["iothub-connection-auth-generation-id"] == "638000")
        #expect(named["iothub-connection-auth-method"] == #"{"scope":"module","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}"#)
        #expect(named["iothub-message-source"] == "Telemetry")
        #expect(named["iothub-enqueuedtime"] == "1970-01-01T00:00:00.0000000Z")
    }

    @Test func unknownSenderIsDeviceNotFound() async throws {
        let fixture = try await TelemetryFixture()
        await #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) {
            try await fixture.send(from: "ghost")
        }
    }

    @Test func disabledSenderIsRefused() async throws {
        let fixture = try await TelemetryFixture(devices: [])
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "off", status: .disabled))
        await #expect(throws: TelemetryError.identityDisabled(key: "off")) {
            try await fixture.send(from: "off")
        }
    }

    @Test func messageOfExactly256KilobytesIsAcceptedOneByteMoreIsMessageTooLarge() async throws {
        let fixture = try await TelemetryFixture()
        let sender = MessageSender(deviceId: "d1")
        _ = try await fixture.hub.ingest(DeviceMessage(body: [UInt8](repeating: 65, count: 262_144)), from: sender)
        await #expect(throws: TelemetryError.messageTooLarge(size: 262_145, limit: 262_144, endpoint: nil)) {
            try await fixture.hub.ingest(DeviceMessage(body: [UInt8](repeating: 65, count: 262_145)), from: sender)
        }
    }

    @Test func propertiesCountTowardsTheSizeLimit() async throws {
        let fixture = try await TelemetryFixture()
        let message = DeviceMessage(body: [UInt8](repeating: 65, count: 262_140), applicationProperties: ["ab": "cde"])
        await #expect(throws: TelemetryError.messageTooLarge(size: 262_145, limit: 262_144, endpoint: nil)) {
            try await fixture.hub.ingest(message, from: MessageSender(deviceId: "d1"))
        }
    }

    @Test func batchJudgesEachMessageAndCommitsTheRestTogether() async throws {
        let fixture = try await TelemetryFixture()
        let results = try await fixture.hub.ingest([
            (DeviceMessage(body: [1]), MessageSender(deviceId: "d1")),
            (DeviceMessage(body: [2]), MessageSender(deviceId: "ghost")),
            (DeviceMessage(body: [3]), MessageSender(deviceId: "d1")),
        ])
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true])
        #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) { try results[1].get() }
        #expect(try fixture.journal("MessageRouted").count == 2)
    }

    @Test func recentDecisionsKeepTheNewestLast() async throws {
        let fixture = try await TelemetryFixture(devices: ["a", "b", "c"])
        for deviceId in ["a", "b", "c"] { _ = try await fixture.send(from: deviceId) }
        #expect(await fixture.hub.recentRoutingDecisions(limit: 2).map(\.deviceId) == ["b", "c"])
    }
}

@Suite struct TelemetryDeliveryTests {
    @Test func acknowledgedMessageIsInTheEventsEndpointWithItsStampedProperties() async throws {
        let fixture = try await TelemetryFixture()
        let receipt = try await fixture.send(properties: ["a": "1"])
        let reader = EndpointReader(workspace: fixture.base.workspace, hubName: "lab-hub")
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        let events = try reader.readAll(from: &positions, limit: 10)
        #expect(events.count == 1)
        #expect(events.first?.enqueuedTime == receipt.enqueuedTime)
        #expect(events.first?.message.applicationProperties == ["a": "1"])
        #expect(events.first?.message.systemProperties.connectionDeviceId == "d1")
    }

    @Test func enrichedCopyReachesEventsAndOnlyThere() async throws {
        let fixture = try await TelemetryFixture(
            routing: RoutingConfiguration(enrichments: [MessageEnrichment(key: "hub", value: "$iothubname", endpointNames: ["events"])]))
        _ = try await fixture.send()
        let reader = EndpointReader(workspace: fixture.base.workspace, hubName: "lab-hub")
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        #expect(try reader.readAll(from: &positions, limit: 10).first?.message.applicationProperties == ["hub": "lab-hub"])
    }

    @Test func routeNamingEventsInAnotherCaseDeliversToEvents() async throws {
        let fixture = try await TelemetryFixture(
            routing: RoutingConfiguration(routes: [MessageRoute(name: "all", source: .deviceMessages, endpointNames: ["Events"])]))
        #expect(try await fixture.send().decision.endpoints == ["events"])
    }
}
