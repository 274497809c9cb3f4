import Foundation
import WorkspaceStore

/// The hub's endpoints: the built-in `events` endpoint and the custom ones the routing defines.
///
/// The telemetry pipeline calls `deliver` inside its own write transaction, so a message, its
/// routing decision and every endpoint copy commit together or not at all (acknowledged means
/// durable). Each endpoint is a workspace stream; readers in any process read them back with
/// `EndpointReader`.
struct EndpointSet: Sendable {
    /// The stream that holds the built-in endpoint, and the name routes use for it.
    static let builtInEndpointName = "events"

    let scope: String
    /// Partitions, retention and consumer groups of the built-in endpoint.
    private(set) var eventHub: EventHubSettings
    /// When the built-in endpoint's expired events are next looked for.
    var retention = EventRetention()
    /// The storage container endpoints' open batches.
    var storage = StorageBatches()

    init(workspace: Workspace, scope: String, settings: HubSettings) throws {
        self.scope = scope
        eventHub = settings.eventHub
    }

    /// Takes the hub's new settings (retention or consumer groups changed; the partition count
    /// never changes after creation, as in Azure).
    mutating func settingsChanged(_ settings: HubSettings) {
        eventHub = settings.eventHub
    }

    /// Writes `message` once to each endpoint named, in `writer`'s transaction.
    /// - Parameters:
    ///   - endpointNames: the endpoints the routes chose, each at most once (`events` for the built-in one).
    ///   - routing: the routing that defines the custom endpoints.
    ///   - deviceId: chooses the partition, so a device's messages stay in order.
    ///   - now: when the message was enqueued.
    /// - Returns: where each copy went, in the order of `endpointNames`.
    /// - Throws: `EndpointError.endpointNotFound` for a name the routing does not define; store errors.
    mutating func deliver(
        _ message: HubMessage, to endpointNames: [String], routing: RoutingConfiguration,
        partitionKey deviceId: String, in writer: WorkspaceWriter, at now: Date
    ) throws -> [EndpointDelivery] {
        var deliveries: [EndpointDelivery] = []
        deliveries.reserveCapacity(endpointNames.count)
        _ = try retention.purgeIfDue(scope: scope, stream: Self.builtInEndpointName, retentionDays: eventHub.retentionDays, in: writer, at: now)
        guard !endpointNames.isEmpty else { return deliveries }
        // Encoded once however many endpoints receive this copy.
        let payload = HubMessageCodec.encode(message)
        let partition = EventPartitioner.partition(forKey: deviceId, partitionCount: eventHub.partitionCount)
        for name in endpointNames {
            switch EndpointKind(named: name, in: routing.endpoints) {
            case .builtIn:
                deliveries.append(try Self.append(payload, endpointName: Self.builtInEndpointName, stream: Self.builtInEndpointName, partition: partition, scope: scope, in: writer, at: now))
            case .messaging(let endpointName):
                deliveries.append(try Self.append(payload, endpointName: endpointName, stream: EndpointStream.messagingStream(endpointName), partition: 0, scope: scope, in: writer, at: now))
            case .storage(let endpointName):
                deliveries.append(try storage.append(payload, to: endpointName, partition: partition, scope: scope, in: writer, at: now))
            case nil:
                throw EndpointError.endpointNotFound(name: name)
            }
        }
        return deliveries
    }

    /// Appends one encoded copy to a stream partition and says where it went.
    static func append(
        _ payload: Data, endpointName: String, stream: String, partition: Int, scope: String, in writer: WorkspaceWriter, at now: Date
    ) throws -> EndpointDelivery {
        let target = StreamPartition(scope: scope, stream: stream, partition: partition)
        let sequence = try writer.appendStreamEvents([StreamEventDraft(enqueuedAt: now, payload: payload)], to: target)?.lowerBound ?? 0
        return EndpointDelivery(endpointName: endpointName, stream: stream, partition: partition, sequenceNumber: sequence)
    }
}
