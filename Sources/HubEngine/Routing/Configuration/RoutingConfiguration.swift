import JSONValue

/// The hub's routing: custom endpoints, routes, the fallback route and enrichments, as Resource
/// Manager holds them in `properties.routing`.
///
/// A plain value: LocalCloud persists it in the hub resource, `az iot hub show` prints `json`,
/// and the hub compiles it (`RouteTable`) when it is applied. `validated(for:)` checks Azure's
/// rules before a change is accepted.
public struct RoutingConfiguration: Sendable, Equatable {
    public var endpoints: RoutingEndpoints
    public var routes: [MessageRoute]
    /// `$fallback`: telemetry that no enabled route matched goes to `events` while it is enabled.
    public var fallbackRoute: MessageRoute
    public var enrichments: [MessageEnrichment]

    /// A new hub's routing: no custom endpoints, routes or enrichments; the fallback route on.
    public init(
        endpoints: RoutingEndpoints = RoutingEndpoints(), routes: [MessageRoute] = [],
        fallbackRoute: MessageRoute = .defaultFallback, enrichments: [MessageEnrichment] = []
    ) {
        self.endpoints = endpoints
        self.routes = routes
        self.fallbackRoute = fallbackRoute
        self.enrichments = enrichments
    }

    /// Reads `properties.routing` as ARM and `az iot hub show` write it; missing members take
    /// a new hub's values, so records written before routing existed still load.
    public init(json: JSONValue) throws(HubError) {
        let fields = try JSONFields(json, path: "properties.routing")
        var routes: [MessageRoute] = []
        if case .array(let elements)? = fields.members["routes"] {
            for (index, element) in elements.enumerated() {
                routes.append(try MessageRoute(json: element, path: "\(fields.field("routes"))[\(index)]"))
            }
        }
        var enrichments: [MessageEnrichment] = []
        if case .array(let elements)? = fields.members["enrichments"] {
            for (index, element) in elements.enumerated() {
                enrichments.append(try MessageEnrichment(json: element, path: "\(fields.field("enrichments"))[\(index)]"))
            }
        }
        let endpoints = try fields.members["endpoints"].map { (value) throws(HubError) in
            try RoutingEndpoints(json: value, path: fields.field("endpoints"))
        }
        var fallback = MessageRoute.defaultFallback
        if let value = fields.members["fallbackRoute"], value != .null {
            fallback = try MessageRoute(json: value, path: fields.field("fallbackRoute"))
            if fallback.name.isEmpty { fallback.name = MessageRoute.defaultFallback.name }
        }
        self.init(endpoints: endpoints ?? RoutingEndpoints(), routes: routes, fallbackRoute: fallback, enrichments: enrichments)
    }

    /// `properties.routing` as the hub resource stores it, connection strings included.
    public var json: JSONValue { json(maskingKeys: false) }

    /// `properties.routing` as `az iot hub show` prints it when `maskingKeys` (keys in az's
    /// sorted order, endpoint secrets as `****`).
    public func json(maskingKeys: Bool) -> JSONValue {
        [
            "endpoints": endpoints.json(maskingKeys: maskingKeys), "enrichments": .array(enrichments.map(\.json)),
            "fallbackRoute": fallbackRoute.json, "routes": .array(routes.map(\.json)),
        ]
    }

    /// The route named `name`, compared ignoring case as Azure does.
    public func route(named name: String) -> MessageRoute? {
        routes.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}
