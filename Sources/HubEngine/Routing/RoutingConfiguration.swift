/// The hub's routing: custom endpoints, routes, the fallback route and enrichments, as Resource
/// Manager holds them in `properties.routing` (filled in by the routing work).
public struct RoutingConfiguration: Sendable, Equatable {
    public init() {}
}
