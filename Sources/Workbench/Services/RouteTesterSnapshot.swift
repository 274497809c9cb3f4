import HubEngine

/// What the Route tester pane needs to offer: the lab hub's routes (grouped by source in the
/// pane), its fallback route and its devices, whose twins `$twin` conditions read.
public struct RouteTesterSnapshot: Sendable, Equatable {
    public var hub: String
    public var routes: [MessageRoute]
    public var fallbackRoute: MessageRoute
    public var deviceIds: [String]
    /// Why the hub could not be read (it does not exist yet); `nil` when it was.
    public var unavailable: String?

    public init(hub: String, routes: [MessageRoute], fallbackRoute: MessageRoute, deviceIds: [String], unavailable: String? = nil) {
        self.hub = hub
        self.routes = routes
        self.fallbackRoute = fallbackRoute
        self.deviceIds = deviceIds
        self.unavailable = unavailable
    }
}

/// What a route test tries: one route by name (disabled or not), or every route of a source
/// (the hub's own decision, fallback included).
public enum RouteTestTarget: Sendable, Hashable {
    case route(String)
    case source(RoutingSource)
}
