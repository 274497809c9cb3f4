import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing

@Suite struct EndpointRoutingTests {
    private let alertRoute = MessageRoute(name: "alerts", source: .deviceMessages, condition: #"temperatureAlert = "true""#, endpointNames: ["alerts"])
    private let archiveRoute = MessageRoute(name: "archive", source: .deviceMessages, condition: "true", endpointNames: ["archive"])

    static func archive(_ encoding: StorageContainerEndpoint.Encoding = .json) -> StorageContainerEndpoint {
        StorageContainerEndpoint(
            name: "archive", containerName: "archivecontainer",
            connectionString: "DefaultEndpointsProtocol=https;AccountName=labstore;AccountKey=a2V5;EndpointSuffix=core.windows.net",
            batchFrequencyInSeconds: 60, encoding: encoding)
    }

    static func withBlobs(_ body: (FileBlobStore) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try await body(FileBlobStore(root: root))
    }

    @Test func aServiceBusRouteWritesItsOwnStreamAndNotEvents() async throws {
        let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [alertRoute]))
        _ = try await fixture.send(properties: ["temperatureAlert": "true"])
        _ = try await fixture.send(properties: ["temperatureAlert": "false"])
        let reader = EndpointReader(workspace: fixture.base.workspace, hubName: "lab-hub")
        let settings = await fixture.hub.settings
        let alerts = try EndpointStream(endpoint: "ALERTS", routing: settings.routing, eventHub: settings.eventHub)
        #expect(alerts == EndpointStream(stream: "endpoint:alerts", partitionCount: 1))
        #expect(try EndpointStream(endpoint: "events", routing: settings.routing, eventHub: settings.eventHub) == EndpointStream(stream: "events", partitionCount: 4))
        #expect(try EndpointStream(endpoint: "archive", routing: settings.routing, eventHub: settings.eventHub) == EndpointStream(stream: "storage:archive", partitionCount: 4))
        #expect(throws: EndpointError.endpointNotFound(name: "nowhere")) {
            try EndpointStream(endpoint: "nowhere", routing: settings.routing, eventHub: settings.eventHub)
        }
        let queued = try reader.read(stream: alerts.stream, partition: 0, from: .earliest, limit: 10)
        #expect(queued.map { $0.message.applicationProperties["temperatureAlert"] } == ["true"])
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        #expect(try reader.readAll(from: &positions, limit: 10).map { $0.message.applicationProperties["temperatureAlert"] } == ["false"])
    }

    @Test func aStorageBatchBecomesABlobWhenItsFrequencyPasses() async throws {
        try await Self.withBlobs { store in
            let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [Self.archive()]), routes: [archiveRoute]))
            #expect(try await fixture.hub.nextStorageFlush() == nil)
            _ = try await fixture.send(#"{"temperature":21}"#)
            _ = try await fixture.send(#"{"temperature":22}"#)
            let reader = EndpointReader(workspace: fixture.base.workspace, hubName: "lab-hub")
            let partition = EventPartitioner.partition(forKey: "d1", partitionCount: 4)
            let pendingStream = "storage:archive"
            #expect(try reader.read(stream: pendingStream, partition: partition, from: .earliest, limit: 10).count == 2)
            #expect(try await fixture.hub.nextStorageFlush() == fixture.clock.now().addingTimeInterval(60))
            #expect(try await fixture.hub.flushStorageEndpoints(to: store).isEmpty)

            fixture.clock.advance(by: 60)
            let name = "lab-hub/\(partition)/2026/01/01/00/00"
            #expect(try await fixture.hub.flushStorageEndpoints(to: store) == [name])
            let text = try String(contentsOf: store.url(account: "labstore", container: "archivecontainer", blob: name), encoding: .utf8)
            let bodies = try text.split(separator: "\n").map { try JSONValue(parsing: String($0))["Body"] }
            #expect(bodies == [["temperature": 21], ["temperature": 22]])
            #expect(try reader.read(stream: pendingStream, partition: partition, from: .earliest, limit: 10).isEmpty)
            #expect(try await fixture.hub.nextStorageFlush() == nil)
        }
    }

    @Test func aPendingBatchSurvivesReopeningTheHub() async throws {
        try await Self.withBlobs { store in
            let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [Self.archive()]), routes: [archiveRoute]))
            _ = try await fixture.send()
            let settings = await fixture.hub.settings
            let reopened = try IoTHub(settings: settings, workspace: fixture.base.workspace, clock: fixture.clock)
            #expect(try await reopened.flushStorageEndpoints(to: store).isEmpty)
            fixture.clock.advance(by: 60)
            #expect(try await reopened.flushStorageEndpoints(to: store).count == 1)
        }
    }

    @Test func forceWritesAnOpenBatchBeforeItIsDue() async throws {
        try await Self.withBlobs { store in
            let fixture = try await TelemetryFixture(routing: RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [Self.archive()]), routes: [archiveRoute]))
            _ = try await fixture.send()
            #expect(try await fixture.hub.flushStorageEndpoints(to: store).isEmpty)
            #expect(try await fixture.hub.flushStorageEndpoints(to: store, force: true).count == 1)
        }
    }
}
