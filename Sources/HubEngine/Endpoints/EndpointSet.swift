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
        var appends = StreamAppends()
        let staged = try stage(message, to: endpointNames, routing: routing, partitionKey: deviceId, into: &appends, in: writer, at: now)
        let firsts = try appends.write(in: writer)
        return staged.map { endpointName, slot in
            EndpointDelivery(
                endpointName: endpointName, stream: slot.target.stream, partition: slot.target.partition,
                sequenceNumber: firsts[slot.batch] + Int64(slot.index))
        }
    }

    /// Stages `message` for each endpoint named in `appends`, which the caller writes before its
    /// transaction ends; expired events of the built-in endpoint are purged in `writer` when due.
    /// - Returns: each endpoint's name and the slot its copy takes, in the order of `endpointNames`.
    /// - Throws: `EndpointError.endpointNotFound` for a name the routing does not define; store errors.
    mutating func stage(
        _ message: HubMessage, to endpointNames: [String], routing: RoutingConfiguration,
        partitionKey deviceId: String, into appends: inout StreamAppends, in writer: WorkspaceWriter, at now: Date
    ) throws -> [(endpointName: String, slot: StreamAppends.Slot)] {
        var staged: [(endpointName: String, slot: StreamAppends.Slot)] = []
        staged.reserveCapacity(endpointNames.count)
        try stageEach(message, to: endpointNames, routing: routing, partitionKey: deviceId, into: &appends, in: writer, at: now) {
            staged.append(($0, $1))
        }
        return staged
    }

    /// `stage`, telling `staged` each endpoint's name and slot instead of gathering them: the
    /// ingest path, which does not need them, allocates nothing for them per message.
    mutating func stageEach(
        _ message: HubMessage, to endpointNames: [String], routing: RoutingConfiguration,
        partitionKey deviceId: String, into appends: inout StreamAppends, in writer: WorkspaceWriter, at now: Date,
        staged: (String, StreamAppends.Slot) -> Void = { _, _ in }
    ) throws {
        _ = try retention.purgeIfDue(scope: scope, stream: Self.builtInEndpointName, retentionDays: eventHub.retentionDays, in: writer, at: now)
        guard !endpointNames.isEmpty else { return }
        // Encoded once however many endpoints receive this copy.
        let size = appends.encode(message)
        let partition = EventPartitioner.partition(forKey: deviceId, partitionCount: eventHub.partitionCount)
        for name in endpointNames {
            switch EndpointKind(named: name, in: routing.endpoints) {
            case .builtIn:
                let target = StreamPartition(scope: scope, stream: Self.builtInEndpointName, partition: partition)
                staged(Self.builtInEndpointName, appends.add(to: target, at: now))
            case .messaging(let endpointName):
                let target = StreamPartition(scope: scope, stream: EndpointStream.messagingStream(endpointName), partition: 0)
                staged(endpointName, appends.add(to: target, at: now))
            case .storage(let endpointName):
                staged(endpointName, storage.append(size: size, to: endpointName, partition: partition, scope: scope, into: &appends, at: now))
            case nil:
                throw EndpointError.endpointNotFound(name: name)
            }
        }
    }
}
