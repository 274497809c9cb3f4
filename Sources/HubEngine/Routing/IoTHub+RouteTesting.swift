import IoTQuery
import JSONValue

/// A message to try routes on without sending it (`az iot hub route test`, the TUI route tester).
public struct RouteTestMessage: Sendable, Equatable {
    public var body: [UInt8]
    public var applicationProperties: [String: String]
    /// System properties by Azure's key (`content-type`) or documented name (`contentType`).
    public var systemProperties: [String: String]
    /// The twin `$twin` conditions read: `{"tags": …, "properties": {"desired": …, "reported": …}}`.
    public var twin: JSONValue?

    public init(body: [UInt8] = [], applicationProperties: [String: String] = [:], systemProperties: [String: String] = [:], twin: JSONValue? = nil) {
        self.body = body
        self.applicationProperties = applicationProperties
        self.systemProperties = systemProperties
        self.twin = twin
    }
}

/// The outcome of a route test: each route tried with its trace.
public struct RouteTestResult: Sendable, Equatable {
    public var routes: [RoutingDecision.RouteTrace]

    /// The routes whose condition was true.
    public var matchedRoutes: [RoutingDecision.RouteTrace] { routes.filter(\.matched) }
}

extension IoTHub {
    /// Evaluates routes on `message` without delivering it: the route named `routeName`
    /// (ignoring case; disabled or not), or every route of `source`. Unknown route names are
    /// `ArgumentInvalid`.
    public func testRoutes(source: RoutingSource, routeName: String?, message: RouteTestMessage) throws(HubError) -> RouteTestResult {
        let routing = settings.routing
        var routes = routing.routes.filter { $0.source == source }
        if let routeName {
            guard let route = routing.route(named: routeName) else {
                throw .argumentInvalid(field: "routeName", rule: "the hub has no route named '\(routeName)'")
            }
            routes = [route]
        }
        let routed = RoutedMessage(
            body: message.body, systemProperties: message.systemProperties,
            applicationProperties: message.applicationProperties, twin: message.twin)
        let traces = routes.map { route in
            let evaluation: RoutingEvaluation
            do throws(QueryError) {
                evaluation = try RoutingCondition(route.condition).evaluate(routed)
            } catch {
                evaluation = .unparsable(error)
            }
            return RoutingDecision.RouteTrace(
                name: route.name, condition: route.condition, endpointNames: route.endpointNames, isEnabled: route.isEnabled,
                evaluation: evaluation)
        }
        return RouteTestResult(routes: traces)
    }

    /// The last `limit` routing decisions of this hub since it was opened, oldest first
    /// (the durable record of each is its `MessageRouted` journal event).
    public func recentRoutingDecisions(limit: Int) -> [RoutingDecision] {
        telemetry.recentDecisions(limit: limit)
    }
}
