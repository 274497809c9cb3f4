import Foundation
import JSONValue
import LabCore
import Testing
import WorkspaceStore

@testable import HubEngine

@Suite struct EndpointDeliveryTests {
    static let hubName = "lab-hub"
    static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    static func message(from deviceId: String, number: Int, at time: Date) -> HubMessage {
        HubMessage(
            body: Array(#"{"n":\#(number)}"#.utf8),
            systemProperties: MessageSystemProperties(
                messageId: "\(deviceId)-\(number)", contentType: "application/json", connectionDeviceId: deviceId,
                enqueuedTime: time, messageSource: "Telemetry"),
            applicationProperties: ["n": String(number)])
    }

    static func endpoints(in workspace: Workspace, partitions: Int = 4) throws -> EndpointSet {
        var settings = HubSettings(name: hubName, skuName: "S1", units: 1)
        settings.eventHub.partitionCount = partitions
        return try EndpointSet(workspace: workspace, scope: IoTHub.storageScope(forHub: hubName), settings: settings)
    }

    /// Delivers each message to `events` in its own transaction, as the pipeline does per ingest.
    @discardableResult
    static func deliver(_ messages: [HubMessage], with endpoints: inout EndpointSet, in workspace: Workspace) throws -> [EndpointDelivery] {
        var all: [EndpointDelivery] = []
        for message in messages {
            let deviceId = message.systemProperties.connectionDeviceId ?? ""
            let time = message.systemProperties.enqueuedTime
            all += try workspace.write { writer in
                try endpoints.deliver(message, to: ["events"], routing: RoutingConfiguration(), partitionKey: deviceId, in: writer, at: time)
            }
        }
        return all
    }

    @Test func aDeliveredMessageReadsBackFromItsDevicesPartition() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try Self.endpoints(in: workspace)
        let message = Self.message(from: "sensor-1", number: 1, at: Self.start)
        let deliveries = try Self.deliver([message], with: &endpoints, in: workspace)
        let partition = EventPartitioner.partition(forKey: "sensor-1", partitionCount: 4)
        #expect(deliveries == [EndpointDelivery(endpointName: "events", stream: "events", partition: partition, sequenceNumber: 0)])

        let events = try EndpointReader(workspace: workspace, hubName: Self.hubName).read(partition: partition, from: .earliest, limit: 10)
        #expect(events == [EnqueuedEvent(partition: partition, sequenceNumber: 0, enqueuedTime: Self.start, message: message)])
        #expect(events.first?.offset == "0")
    }

    @Test func aDevicesMessagesStayInOnePartitionInOrder() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try Self.endpoints(in: workspace)
        let messages = (0..<5).map { Self.message(from: "belt-7", number: $0, at: Self.start.addingTimeInterval(Double($0))) }
        let deliveries = try Self.deliver(messages, with: &endpoints, in: workspace)
        #expect(Set(deliveries.map(\.partition)).count == 1)
        #expect(deliveries.map(\.sequenceNumber) == [0, 1, 2, 3, 4])
        let partition = try #require(deliveries.first).partition
        let read = try EndpointReader(workspace: workspace, hubName: Self.hubName).read(partition: partition, from: .earliest, limit: 10)
        #expect(read.map(\.message) == messages)
    }

    @Test func thePartitionOfADeviceIsStableAndDevicesSpreadOverPartitions() {
        #expect(EventPartitioner.partition(forKey: "sensor-th-0055", partitionCount: 4) == EventPartitioner.partition(forKey: "sensor-th-0055", partitionCount: 4))
        let used = Set((0..<100).map { EventPartitioner.partition(forKey: "device-\($0)", partitionCount: 4) })
        #expect(used == [0, 1, 2, 3])
        #expect(EventPartitioner.partition(forKey: "a", partitionCount: 1) == 0)
        // Fixed values: a workspace written by one build is read with the same partitions by the next.
        #expect(EventPartitioner.partition(forKey: "sensor-1", partitionCount: 4) == 1)
        #expect(EventPartitioner.partition(forKey: "sensor-2", partitionCount: 32) == 16)
    }

    @Test func anUnknownEndpointFailsTheWholeTransaction() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try Self.endpoints(in: workspace)
        let message = Self.message(from: "sensor-1", number: 1, at: Self.start)
        #expect(throws: EndpointError.endpointNotFound(name: "nowhere")) {
            try workspace.write { writer in
                try endpoints.deliver(message, to: ["events", "nowhere"], routing: RoutingConfiguration(), partitionKey: "sensor-1", in: writer, at: Self.start)
            }
        }
        var positions = try EndpointReader(workspace: workspace, hubName: Self.hubName).positions(partitionCount: 4, at: .earliest)
        #expect(try EndpointReader(workspace: workspace, hubName: Self.hubName).readAll(from: &positions, limit: 10).isEmpty)
    }

    @Test func readersStartAtEarliestLatestATimeOrASequence() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try Self.endpoints(in: workspace)
        let messages = (0..<4).map { Self.message(from: "sensor-1", number: $0, at: Self.start.addingTimeInterval(Double($0) * 60)) }
        let partition = try #require(try Self.deliver(messages, with: &endpoints, in: workspace).first).partition
        let reader = EndpointReader(workspace: workspace, hubName: Self.hubName)
        #expect(try reader.read(partition: partition, from: .earliest, limit: 2).map(\.sequenceNumber) == [0, 1])
        #expect(try reader.read(partition: partition, from: .latest, limit: 10).isEmpty)
        #expect(try reader.read(partition: partition, from: .enqueuedTime(Self.start.addingTimeInterval(90)), limit: 10).map(\.sequenceNumber) == [2, 3])
        #expect(try reader.read(partition: partition, from: .sequence(3), limit: 10).map(\.message) == [messages[3]])
    }

    @Test func readAllMergesPartitionsInEnqueuedOrderAndAdvances() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try Self.endpoints(in: workspace)
        let reader = EndpointReader(workspace: workspace, hubName: Self.hubName)
        var positions = try reader.positions(partitionCount: 4, at: .latest)
        let messages = (0..<12).map { Self.message(from: "device-\($0 % 6)", number: $0, at: Self.start.addingTimeInterval(Double($0))) }
        try Self.deliver(messages, with: &endpoints, in: workspace)

        #expect(try reader.readAll(from: &positions, limit: 100).map(\.message) == messages)
        #expect(try reader.readAll(from: &positions, limit: 100).isEmpty)
        let later = Self.message(from: "device-0", number: 99, at: Self.start.addingTimeInterval(100))
        try Self.deliver([later], with: &endpoints, in: workspace)
        #expect(try reader.readAll(from: &positions, limit: 100).map(\.message) == [later])
    }

    @Test func eachConsumerGroupKeepsItsOwnCursor() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try Self.endpoints(in: workspace, partitions: 2)
        let messages = (0..<3).map { Self.message(from: "sensor-1", number: $0, at: Self.start.addingTimeInterval(Double($0))) }
        let partition = try #require(try Self.deliver(messages, with: &endpoints, in: workspace).first).partition
        let reader = EndpointReader(workspace: workspace, hubName: Self.hubName)

        #expect(try reader.cursor(consumerGroup: "$Default", partition: partition) == nil)
        #expect(try reader.read(consumerGroup: "$Default", partition: partition, limit: 2).map(\.sequenceNumber) == [0, 1])
        #expect(try reader.cursor(consumerGroup: "$Default", partition: partition) == 2)
        #expect(try reader.read(consumerGroup: "$Default", partition: partition, limit: 10).map(\.sequenceNumber) == [2])
        #expect(try reader.read(consumerGroup: "$Default", partition: partition, limit: 10).isEmpty)
        #expect(try reader.read(consumerGroup: "tsievents", partition: partition, limit: 10).map(\.sequenceNumber) == [0, 1, 2])
        #expect(try reader.read(consumerGroup: "late", partition: partition, limit: 10, startingAt: .latest).isEmpty)
    }

    @Test func aConsumerGroupReadsEveryPartitionInEnqueuedOrder() throws {
        let workspace = try Workspace.inMemory()
        var endpoints = try Self.endpoints(in: workspace)
        let messages = (0..<8).map { Self.message(from: "device-\($0)", number: $0, at: Self.start.addingTimeInterval(Double($0))) }
        try Self.deliver(messages, with: &endpoints, in: workspace)
        let reader = EndpointReader(workspace: workspace, hubName: Self.hubName)
        #expect(try reader.read(consumerGroup: "tsievents", partitionCount: 4, limit: 100).map(\.message) == messages)
        #expect(try reader.read(consumerGroup: "tsievents", partitionCount: 4, limit: 100).isEmpty)
    }

    @Test func aReaderOnAnotherConnectionToTheFileSeesCommittedEvents() async throws {
        try await withWorkspaceFile { url in
            let writerWorkspace = try Workspace(fileURL: url)
            var endpoints = try Self.endpoints(in: writerWorkspace)
            let message = Self.message(from: "sensor-1", number: 1, at: Self.start)
            try Self.deliver([message], with: &endpoints, in: writerWorkspace)

            let readerWorkspace = try Workspace(fileURL: url)
            var positions = try EndpointReader(workspace: readerWorkspace, hubName: Self.hubName).positions(partitionCount: 4, at: .earliest)
            #expect(try EndpointReader(workspace: readerWorkspace, hubName: Self.hubName).readAll(from: &positions, limit: 10).map(\.message) == [message])
        }
    }

    @Test func anUndecodableStoredEventIsReportedWithItsPosition() throws {
        let workspace = try Workspace.inMemory()
        let target = StreamPartition(scope: IoTHub.storageScope(forHub: Self.hubName), stream: "events", partition: 1)
        try workspace.write { writer in
            try writer.appendStreamEvents([StreamEventDraft(enqueuedAt: Self.start, payload: Data([1]))], to: target)
        }
        #expect(throws: EndpointError.undecodableEvent(stream: "events", partition: 1, sequenceNumber: 0, reason: "unexpected end at byte 1")) {
            try EndpointReader(workspace: workspace, hubName: Self.hubName).read(partition: 1, from: .earliest, limit: 1)
        }
    }
}
