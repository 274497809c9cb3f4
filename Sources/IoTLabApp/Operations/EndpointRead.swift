import AzConsole
import Foundation
import HubEngine
import JSONValue
import LabCore
import LocalCloud

/// `iotlab endpoint read NAME -n HUB`: what an endpoint received, oldest first, for endpoints a
/// learner cannot otherwise open offline — Service Bus queues and topics, Event Hubs, the built-in
/// `events`, and a storage container's batch not yet written as a blob.
///
/// Without a consumer group it peeks from the start; with one it reads on from where that group
/// stopped and moves the group on, as a queue receiver or an Event Hubs checkpoint would.
struct EndpointRead {
    var hubName: String
    var endpoint: String
    var consumerGroup: String?
    var limit: Int
    var json: Bool

    /// `blobs` is where storage endpoints' written blobs are, named for a learner reading a batch.
    func run(in cloud: LocalCloud, blobs: URL) async throws -> String {
        let hub = try await cloud.hub(named: hubName)
        let location = try EndpointStream(endpoint: endpoint, routing: hub.routing, eventHub: hub.eventHub)
        let reader = EndpointReader(workspace: cloud.workspace, hubName: hub.name)
        let events: [EnqueuedEvent]
        if let consumerGroup {
            events = try reader.read(
                consumerGroup: consumerGroup, stream: location.stream, partitionCount: location.partitionCount, limit: limit)
        } else {
            var positions = try reader.positions(stream: location.stream, partitionCount: location.partitionCount, at: .earliest)
            events = try reader.readAll(from: &positions, limit: limit)
        }
        let shown = events.prefix(limit)
        if json {
            return shown.map { event in
                var line = AzConsole.monitorEventJSON(event).objectValue ?? [:]
                line["partition"] = .integer(event.partition)
                return JSONValue.object(line).serialized(.compact) + "\n"
            }.joined()
        }
        var text = shown.isEmpty
            ? "No messages in \(endpoint)" + (consumerGroup.map { " for consumer group \($0)" } ?? "") + ".\n"
            : shown.map(Self.summary).joined()
        if let storage = hub.routing.endpoints.storageContainers.first(where: { $0.name.lowercased() == endpoint.lowercased() }) {
            text += "(\(storage.name) is a storage container endpoint: these messages wait for the next batch, "
                + "written every \(storage.batchFrequencyInSeconds) s of lab time; its blobs are under \(blobs.path))\n"
        }
        return text
    }

    /// `2026-01-01T00:00:01.0000000Z  p1 #7  sensor-1  sensorID=VSLog  {"vibration": 1.2}`.
    private static func summary(_ event: EnqueuedEvent) -> String {
        let system = event.message.systemProperties
        let origin = (system.connectionDeviceId ?? "") + (system.connectionModuleId.map { "/" + $0 } ?? "")
        let properties = event.message.applicationProperties.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        let body = String(decoding: event.message.body, as: UTF8.self)
        return [AzureTimestamp.string(event.enqueuedTime), "p\(event.partition) #\(event.sequenceNumber)", origin, properties, body]
            .filter { !$0.isEmpty }.joined(separator: "  ") + "\n"
    }
}
