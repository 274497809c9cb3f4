import Foundation
import LabCore
import Testing
import WorkspaceStore

@testable import HubEngine

@Suite struct EndpointRetentionTests {
    @Test func deliveryPurgesEventsOlderThanTheRetentionAtMostHourly() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try EndpointDeliveryTests.endpoints(in: workspace)
        let start = EndpointDeliveryTests.start
        let old = EndpointDeliveryTests.message(from: "sensor-1", number: 0, at: start)
        try EndpointDeliveryTests.deliver([old], with: &endpoints, in: workspace)
        // Within the hour after a check nothing is looked at, even if it has expired meanwhile.
        let early = EndpointDeliveryTests.message(from: "sensor-1", number: 1, at: start.addingTimeInterval(1800))
        try EndpointDeliveryTests.deliver([early], with: &endpoints, in: workspace)
        let reader = EndpointReader(workspace: workspace, hubName: EndpointDeliveryTests.hubName)
        let partition = EventPartitioner.partition(forKey: "sensor-1", partitionCount: 4)
        #expect(try reader.read(partition: partition, from: .earliest, limit: 10).count == 2)

        // One day and one second later the first has expired; the second (30 min younger) has not.
        let late = EndpointDeliveryTests.message(from: "sensor-1", number: 2, at: start.addingTimeInterval(86_401))
        try EndpointDeliveryTests.deliver([late], with: &endpoints, in: workspace)
        let kept = try reader.read(partition: partition, from: .earliest, limit: 10)
        #expect(kept.map(\.sequenceNumber) == [1, 2])
        #expect(try reader.read(partition: partition, from: .sequence(0), limit: 1).map(\.sequenceNumber) == [1])
    }

    @Test func theHubPurgesOnDemandByItsRetentionOnItsClock() async throws {
        let fixture = try HubFixture()
        var endpoints = try EndpointSet(workspace: fixture.workspace, scope: IoTHub.storageScope(forHub: "lab-hub"), settings: HubSettings(name: "lab-hub", skuName: "S1", units: 1))
        let now = fixture.clock.now()
        try fixture.workspace.write { writer in
            _ = try endpoints.deliver(
                EndpointDeliveryTests.message(from: "d", number: 0, at: now), to: ["events"], routing: RoutingConfiguration(),
                partitionKey: "d", in: writer, at: now)
        }
        #expect(try await fixture.hub.purgeExpiredEvents() == 0)
        fixture.clock.advance(by: 86_400)
        #expect(try await fixture.hub.purgeExpiredEvents() == 0)
        fixture.clock.advance(by: 1)
        #expect(try await fixture.hub.purgeExpiredEvents() == 1)
    }
}
