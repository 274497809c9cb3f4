import Foundation
import IoTQuery
import JSONValue

/// A routing configuration compiled for evaluation: each route's condition parsed once, routes
/// grouped by source, and which sources need the sender's twin.
///
/// Built when settings change, never per message, so the 200,000-a-second path only evaluates.
struct RouteTable: Sendable {
    struct CompiledRoute: Sendable {
        let route: MessageRoute
        /// The parsed condition, or why it does not parse (a configuration saved before
        /// validation existed): such a route never matches, and its trace says why.
        let condition: Result<RoutingCondition, QueryError>
        /// The route's endpoints as the configuration spells them, each once, in the route's order.
        let canonicalEndpointNames: [String]
    }

    let configuration: RoutingConfiguration
    private(set) var routesBySource: [RoutingSource: [CompiledRoute]] = [:]
    /// The conditions of each source's enabled routes that parse, in route order: what every
    /// message of the source is evaluated on.
    private var enabledConditionsBySource: [RoutingSource: [RoutingCondition]] = [:]
    let fallback: CompiledRoute
    /// Whether the fallback condition is Azure's `true`, so it needs no evaluation.
    private let fallbackAlwaysMatches: Bool
    /// The enrichments of each endpoint (by its configured spelling), values parsed once.
    private(set) var enrichmentsByEndpoint: [String: [(enrichment: MessageEnrichment, value: EnrichmentValue)]] = [:]
    /// Whether any enrichment reads the sender's twin.
    let enrichmentsReadTwin: Bool
    /// The sources with an enabled route (or, for telemetry, a fallback) whose condition reads
    /// the sender's twin.
    private var twinReadBySource: Set<RoutingSource> = []
    /// The sources with an enabled route (or, for telemetry, a fallback) whose condition reads
    /// system properties beyond what `$body` needs.
    private var systemPropertiesReadBySource: Set<RoutingSource> = []
    /// Every endpoint's name by its lower-cased form.
    private let endpointSpellings: [String: String]
    /// Azure Monitor's `d2c.endpoints.egress.*` counter of each endpoint, by its configured name.
    let egressMetricNames: [String: String]

    init(_ configuration: RoutingConfiguration) {
        self.configuration = configuration
        let names = [RoutingEndpoints.builtInEventsName] + configuration.endpoints.allNames
        let spellings = Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        endpointSpellings = spellings
        func compile(_ route: MessageRoute) -> CompiledRoute {
            var canonical: [String] = []
            for name in route.endpointNames.map({ Self.canonicalName($0, in: spellings) }) where !canonical.contains(name) {
                canonical.append(name)
            }
            return CompiledRoute(
                route: route, condition: Result { () throws(QueryError) in try RoutingCondition(route.condition) },
                canonicalEndpointNames: canonical)
        }
        for route in configuration.routes {
            let compiled = compile(route)
            routesBySource[route.source, default: []].append(compiled)
            if route.isEnabled, case .success(let condition) = compiled.condition {
                enabledConditionsBySource[route.source, default: []].append(condition)
                if condition.readsTwin { twinReadBySource.insert(route.source) }
                if condition.readsSystemProperties { systemPropertiesReadBySource.insert(route.source) }
            }
        }
        fallback = compile(configuration.fallbackRoute)
        if configuration.fallbackRoute.isEnabled, case .success(let condition) = fallback.condition {
            if condition.readsTwin { twinReadBySource.insert(.deviceMessages) }
            if condition.readsSystemProperties { systemPropertiesReadBySource.insert(.deviceMessages) }
        }
        fallbackAlwaysMatches = configuration.fallbackRoute.condition.trimmingCharacters(in: .whitespaces).lowercased() == "true"
        enrichmentsReadTwin = configuration.enrichments.contains { EnrichmentValue($0.value).readsTwin }
        egressMetricNames = Dictionary(
            names.map { ($0, "d2c.endpoints.egress." + configuration.endpoints.metricKind(ofEndpoint: $0)) }, uniquingKeysWith: { first, _ in first })
        for enrichment in configuration.enrichments {
            for name in enrichment.endpointNames {
                enrichmentsByEndpoint[endpointSpellings[name.lowercased()] ?? name, default: []].append((enrichment, EnrichmentValue(enrichment.value)))
            }
        }
    }

    /// Whether any enabled route takes messages of `source`: system events are built only then.
    func hasRoutes(for source: RoutingSource) -> Bool {
        routesBySource[source]?.contains { $0.route.isEnabled } ?? false
    }

    /// Whether routing a message of `source` needs the sender's twin.
    func needsTwin(for source: RoutingSource) -> Bool {
        enrichmentsReadTwin || twinReadBySource.contains(source)
    }

    /// Whether the conditions evaluated on a message of `source` read its system properties
    /// beyond the content type and encoding `$body` needs.
    func needsSystemProperties(for source: RoutingSource) -> Bool {
        systemPropertiesReadBySource.contains(source)
    }

    /// Evaluates every route of `source` on `message` and decides Azure's way: the message goes
    /// to each endpoint of a matching enabled route, once; telemetry no route matched goes to the
    /// fallback route's endpoint while the fallback is enabled. Enrichments are not applied here.
    /// The message is built only when a condition needs it: a hub whose telemetry only takes the
    /// default fallback route (`true`) routes without reading any property.
    func evaluate(_ message: () -> RoutedMessage, source: RoutingSource)
        -> (traces: [RoutingDecision.RouteTrace], endpoints: [String], fallbackApplied: Bool)
    {
        let compiled = routesBySource[source] ?? []
        let enabledConditions = enabledConditionsBySource[source] ?? []
        var built: RoutedMessage?
        func routed() -> RoutedMessage {
            if let built { return built }
            let made = message()
            built = made
            return made
        }
        var evaluations = (enabledConditions.isEmpty ? [] : routed().evaluate(enabledConditions)).makeIterator()
        var traces: [RoutingDecision.RouteTrace] = []
        var endpoints: [String] = []
        for route in compiled {
            var evaluation: RoutingEvaluation?
            if route.route.isEnabled {
                switch route.condition {
                case .success: evaluation = evaluations.next()
                case .failure(let error): evaluation = .unparsable(error)
                }
            }
            let trace = RoutingDecision.RouteTrace(
                name: route.route.name, condition: route.route.condition, endpointNames: route.route.endpointNames,
                isEnabled: route.route.isEnabled, evaluation: evaluation)
            if trace.matched {
                for name in route.canonicalEndpointNames where !endpoints.contains(name) { endpoints.append(name) }
            }
            traces.append(trace)
        }
        var fallbackApplied = false
        if source == .deviceMessages, !traces.contains(where: \.matched), fallback.route.isEnabled,
            fallbackAlwaysMatches || ((try? fallback.condition.get())?.evaluate(routed()).matched ?? false)
        {
            endpoints = fallback.route.endpointNames.map(canonicalEndpointName)
            fallbackApplied = true
        }
        return (traces, endpoints, fallbackApplied)
    }

    /// An endpoint name as the configuration spells it: routes may write `Events` or another
    /// case of a custom endpoint's name, since Azure compares endpoint names ignoring case.
    private func canonicalEndpointName(_ name: String) -> String {
        Self.canonicalName(name, in: endpointSpellings)
    }

    private static func canonicalName(_ name: String, in spellings: [String: String]) -> String {
        spellings[name.lowercased()] ?? name
    }
}
