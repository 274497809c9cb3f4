import JSONValue

/// A Service Bus queue, Service Bus topic or Event Hubs routing endpoint: ARM gives the three
/// the same fields, so one type serves them and `RoutingEndpoints` keeps them in separate lists.
public struct MessagingEndpoint: Sendable, Equatable {
    public var name: String
    public var id: String?
    public var connectionString: String?
    public var endpointUri: String?
    /// The queue, topic or event hub name when the connection string does not carry `EntityPath`.
    public var entityPath: String?
    /// `keyBased` or `identityBased`.
    public var authenticationType: String?
    public var resourceGroup: String?
    public var subscriptionId: String?

    public init(
        name: String, connectionString: String? = nil, endpointUri: String? = nil, entityPath: String? = nil, id: String? = nil,
        authenticationType: String? = nil, resourceGroup: String? = nil, subscriptionId: String? = nil
    ) {
        self.name = name
        self.id = id
        self.connectionString = connectionString
        self.endpointUri = endpointUri
        self.entityPath = entityPath
        self.authenticationType = authenticationType
        self.resourceGroup = resourceGroup
        self.subscriptionId = subscriptionId
    }

    init(json: JSONValue, path: String) throws(HubError) {
        let fields = try JSONFields(json, path: path)
        self.init(
            name: try fields.string("name") ?? "", connectionString: try fields.string("connectionString"),
            endpointUri: try fields.string("endpointUri"), entityPath: try fields.string("entityPath"), id: try fields.string("id"),
            authenticationType: try fields.string("authenticationType"), resourceGroup: try fields.string("resourceGroup"),
            subscriptionId: try fields.string("subscriptionId"))
    }

    /// The endpoint as the hub resource stores it, connection string included.
    public var json: JSONValue { json(maskingKeys: false) }

    /// The endpoint as `az iot hub routing-endpoint show` prints it when `maskingKeys`: the
    /// connection string's key replaced by `****`, as Resource Manager returns it.
    public func json(maskingKeys: Bool) -> JSONValue {
        RoutingEndpointMembers.json(
            name: name, id: id, connectionString: connectionString, endpointUri: endpointUri, authenticationType: authenticationType,
            resourceGroup: resourceGroup, subscriptionId: subscriptionId, maskingKeys: maskingKeys,
            adding: ["entityPath": entityPath.map(JSONValue.string) ?? .null])
    }
}

/// A Service Bus queue or topic endpoint.
public typealias ServiceBusEndpoint = MessagingEndpoint
/// An Event Hubs endpoint.
public typealias EventHubEndpoint = MessagingEndpoint
