import IoTQuery
import JSONValue

/// Everything routing would do with one message, without delivering it: each route's trace,
/// whether the fallback route took the message, and the copy each endpoint would receive with
/// its enrichments stamped. What the workbench's route tester shows.
///
/// Built by the same call that routes every ingested message (`route(_:source:twinKey:)`), so
/// the tester can never disagree with the hub: a message a custom route takes does not reach
/// `events` unless a route sends it there (Azure's fallback applies only when no route matched).
public struct RouteTestReport: Sendable, Equatable {
    /// The copy of the message one endpoint would receive.
    public struct Delivery: Sendable, Equatable {
        public var endpointName: String
        /// The enrichments stamped on this endpoint's copy, in configuration order.
        public var enrichments: [RoutingDecision.AppliedEnrichment]
        /// The stamped message with the enrichments added to its application properties.
        public var message: HubMessage
    }

    public var source: RoutingSource
    /// The route asked about; `nil` when every route of `source` was.
    public var routeName: String?
    /// The device whose twin `$twin` conditions and enrichments read; `nil` for none.
    public var deviceId: String?
    /// The trace of the route asked about, or of every route of the source in configuration order.
    public var routes: [RoutingDecision.RouteTrace]
    /// The hub's fallback route as configured.
    public var fallbackRoute: MessageRoute
    /// Whether the fallback route took the message because no route of the source matched.
    public var fallbackApplied: Bool
    /// Where the message would land with all the routes of its source, each endpoint once.
    public var deliveries: [Delivery]

    /// Whether no route, not even the fallback, would take the message (Azure's "orphaned").
    public var isOrphaned: Bool { deliveries.isEmpty }
}

extension IoTHub {
    /// Routes `message` as if `deviceId` had just sent it as `source` (or, with `routeName`,
    /// as the source of that route), reading that device's twin for `$twin` conditions and
    /// enrichments, and reports the decision without delivering, journaling or counting it.
    ///
    /// The message's `twin` is not used: the device's twin as the hub holds it is, as in Azure.
    /// An unknown route is `ArgumentInvalid` (as `testRoutes`); an unknown device `DeviceNotFound`.
    public func routeTestReport(
        _ message: RouteTestMessage, source: RoutingSource, routeName: String?, deviceId: String?
    ) throws(HubError) -> RouteTestReport {
        var source = source
        var tested: MessageRoute?
        if let routeName {
            guard let route = settings.routing.route(named: routeName) else {
                throw .argumentInvalid(field: "routeName", rule: "the hub has no route named '\(routeName)'")
            }
            source = route.source
            tested = route
        }
        if let deviceId { _ = try device(deviceId) }
        let system = message.systemProperties
        let sent = DeviceMessage(
            body: message.body,
            applicationProperties: OrderedDictionary(uniqueKeysWithValues: message.applicationProperties.sorted { $0.key < $1.key }),
            messageId: MessageSystemProperty.messageId.value(in: system), correlationId: MessageSystemProperty.correlationId.value(in: system),
            userId: MessageSystemProperty.userId.value(in: system), contentType: MessageSystemProperty.contentType.value(in: system),
            contentEncoding: MessageSystemProperty.contentEncoding.value(in: system))
        let sender = MessageSender(deviceId: deviceId ?? "")
        let now = clock.now()
        var stamped = HubMessage(stamping: sent, from: sender, generationId: nil, at: now)
        stamped.systemProperties.messageSource = source.messageSource
        prepareTelemetry(at: now)
        let (decision, copies) = route(stamped, source: source, twinKey: sender.key)
        var deliveries: [RouteTestReport.Delivery] = []
        for endpoint in decision.endpoints {
            guard let copy = copies.first(where: { $0.endpointNames.contains(endpoint) }) else { continue }
            deliveries.append(RouteTestReport.Delivery(
                endpointName: endpoint, enrichments: decision.enrichments.filter { $0.endpointName == endpoint }, message: copy.message))
        }
        let traces = decision.routes
        return RouteTestReport(
            source: source, routeName: routeName, deviceId: deviceId,
            routes: tested.map { route in traces.filter { $0.name == route.name } } ?? traces,
            fallbackRoute: settings.routing.fallbackRoute, fallbackApplied: decision.fallbackApplied, deliveries: deliveries)
    }
}
