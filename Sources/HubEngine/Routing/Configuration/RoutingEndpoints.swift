import JSONValue

/// A hub's custom endpoints by type, as ARM holds them in `properties.routing.endpoints`.
///
/// Names are unique across all types together, and none may take a reserved name: routes and
/// enrichments refer to endpoints by name alone.
public struct RoutingEndpoints: Sendable, Equatable {
    /// The built-in Event Hub-compatible endpoint every hub has.
    public static let builtInEventsName = "events"
    /// Names no custom endpoint may take (compared ignoring case).
    public static let reservedNames = ["events", "operationsMonitoringEvents", "fileNotifications", "$default"]

    public var storageContainers: [StorageContainerEndpoint]
    public var serviceBusQueues: [ServiceBusEndpoint]
    public var serviceBusTopics: [ServiceBusEndpoint]
    public var eventHubs: [EventHubEndpoint]

    public init(
        storageContainers: [StorageContainerEndpoint] = [], serviceBusQueues: [ServiceBusEndpoint] = [],
        serviceBusTopics: [ServiceBusEndpoint] = [], eventHubs: [EventHubEndpoint] = []
    ) {
        self.storageContainers = storageContainers
        self.serviceBusQueues = serviceBusQueues
        self.serviceBusTopics = serviceBusTopics
        self.eventHubs = eventHubs
    }

    init(json: JSONValue, path: String) throws(HubError) {
        let fields = try JSONFields(json, path: path)
        func list<Endpoint>(_ name: String, _ read: (JSONValue, String) throws(HubError) -> Endpoint) throws(HubError) -> [Endpoint] {
            guard case .array(let elements)? = fields.members[name] else { return [] }
            var endpoints: [Endpoint] = []
            for (index, element) in elements.enumerated() {
                endpoints.append(try read(element, "\(fields.field(name))[\(index)]"))
            }
            return endpoints
        }
        self.init(
            storageContainers: try list("storageContainers") { (json, path) throws(HubError) in try StorageContainerEndpoint(json: json, path: path) },
            serviceBusQueues: try list("serviceBusQueues") { (json, path) throws(HubError) in try MessagingEndpoint(json: json, path: path) },
            serviceBusTopics: try list("serviceBusTopics") { (json, path) throws(HubError) in try MessagingEndpoint(json: json, path: path) },
            eventHubs: try list("eventHubs") { (json, path) throws(HubError) in try MessagingEndpoint(json: json, path: path) })
    }

    /// Every custom endpoint's name, storage containers first, then queues, topics and event hubs.
    public var allNames: [String] {
        storageContainers.map(\.name) + serviceBusQueues.map(\.name) + serviceBusTopics.map(\.name) + eventHubs.map(\.name)
    }

    /// How many custom endpoints there are, of every type.
    public var count: Int { allNames.count }

    /// The endpoints as the hub resource stores them, connection strings included.
    public var json: JSONValue { json(maskingKeys: false) }

    /// The endpoints as `az iot hub show` prints `properties.routing.endpoints` when `maskingKeys`.
    public func json(maskingKeys: Bool) -> JSONValue {
        [
            "cosmosDbSqlContainers": .array([]), "eventHubs": .array(eventHubs.map { $0.json(maskingKeys: maskingKeys) }),
            "serviceBusQueues": .array(serviceBusQueues.map { $0.json(maskingKeys: maskingKeys) }),
            "serviceBusTopics": .array(serviceBusTopics.map { $0.json(maskingKeys: maskingKeys) }),
            "storageContainers": .array(storageContainers.map { $0.json(maskingKeys: maskingKeys) }),
        ]
    }
}
