/// Where what an endpoint received is kept: a workspace stream and its partition count.
///
/// `iotlab endpoint read NAME` asks for this by the endpoint's name and the hub's settings, then
/// reads the stream with `EndpointReader.positions` and `readAll`, whatever the endpoint's type.
public struct EndpointStream: Sendable, Equatable {
    /// `events`, `endpoint:NAME` (Service Bus queue or topic, Event Hubs) or `storage:NAME` (a
    /// storage container's batch not yet written as a blob).
    public var stream: String
    public var partitionCount: Int

    public init(stream: String, partitionCount: Int) {
        self.stream = stream
        self.partitionCount = partitionCount
    }

    /// The stream of the endpoint named `name` (ignoring case, as Azure compares endpoint names).
    /// - Throws: `EndpointError.endpointNotFound` when neither `events` nor the routing defines it.
    public init(endpoint name: String, routing: RoutingConfiguration, eventHub: EventHubSettings) throws(EndpointError) {
        switch EndpointKind(named: name, in: routing.endpoints) {
        case .builtIn: self.init(stream: EndpointSet.builtInEndpointName, partitionCount: eventHub.partitionCount)
        case .messaging(let configured): self.init(stream: Self.messagingStream(configured), partitionCount: 1)
        case .storage(let configured): self.init(stream: StorageBatches.pendingStream(configured), partitionCount: eventHub.partitionCount)
        case nil: throw .endpointNotFound(name: name)
        }
    }

    /// The one-partition log a Service Bus queue or topic, or Event Hubs endpoint writes to.
    static func messagingStream(_ endpointName: String) -> String { "endpoint:" + endpointName }
}
