import Foundation
import IoTQuery
import JSONValue

/// A routing configuration compiled for evaluation: each route's condition parsed once, routes
/// grouped by source, and which sources need the sender's twin.
///
/// Built when settings change, never per message, so the 200,000-a-second path only evaluates.
/// A class: every routing decision keeps the table it was decided with (to rebuild its trace
/// on demand), by reference.
final class RouteTable: Sendable {
    struct CompiledRoute: Sendable {
        let route: MessageRoute
        /// The parsed condition, or why it does not parse (a configuration saved before
        /// validation existed): such a route never matches, and its trace says why.
        let condition: Result<RoutingCondition, QueryError>
        /// The route's endpoints as the configuration spells them, each once, in the route's order.
        let canonicalEndpointNames: [String]
        /// The error of a route whose condition does not parse, spelled once.
        let unparsableError: String?
    }

    let configuration: RoutingConfiguration
    let routesBySource: [RoutingSource: [CompiledRoute]]
    let fallback: CompiledRoute
    /// Whether the fallback condition is Azure's `true`, so it needs no evaluation.
    private let fallbackAlwaysMatches: Bool
    /// The enrichments of each endpoint (by its configured spelling), values parsed once.
    let enrichmentsByEndpoint: [String: [(enrichment: MessageEnrichment, value: EnrichmentValue)]]
    /// Whether any enrichment reads the sender's twin.
    let enrichmentsReadTwin: Bool
    /// The sources with an enabled route (or, for telemetry, a fallback) whose condition reads
    /// the sender's twin.
    private let twinReadBySource: Set<RoutingSource>
    /// The sources with an enabled route (or, for telemetry, a fallback) whose condition reads
    /// system properties beyond what `$body` needs.
    private let systemPropertiesReadBySource: Set<RoutingSource>
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
            let condition = Result { () throws(QueryError) in try RoutingCondition(route.condition) }
            var unparsableError: String?
            if case .failure(let error) = condition { unparsableError = RoutingEvaluation.unparsable(error).error }
            return CompiledRoute(route: route, condition: condition, canonicalEndpointNames: canonical, unparsableError: unparsableError)
        }
        var routesBySource: [RoutingSource: [CompiledRoute]] = [:]
        var twinReadBySource: Set<RoutingSource> = []
        var systemPropertiesReadBySource: Set<RoutingSource> = []
        for route in configuration.routes {
            let compiled = compile(route)
            routesBySource[route.source, default: []].append(compiled)
            if route.isEnabled, case .success(let condition) = compiled.condition {
                if condition.readsTwin { twinReadBySource.insert(route.source) }
                if condition.readsSystemProperties { systemPropertiesReadBySource.insert(route.source) }
            }
        }
        fallback = compile(configuration.fallbackRoute)
        if configuration.fallbackRoute.isEnabled, case .success(let condition) = fallback.condition {
            if condition.readsTwin { twinReadBySource.insert(.deviceMessages) }
            if condition.readsSystemProperties { systemPropertiesReadBySource.insert(.deviceMessages) }
        }
        self.routesBySource = routesBySource
        self.twinReadBySource = twinReadBySource
        self.systemPropertiesReadBySource = systemPropertiesReadBySource
        fallbackAlwaysMatches = configuration.fallbackRoute.condition.trimmingCharacters(in: .whitespaces).lowercased() == "true"
        enrichmentsReadTwin = configuration.enrichments.contains { EnrichmentValue($0.value).readsTwin }
        egressMetricNames = Dictionary(
            names.map { ($0, "d2c.endpoints.egress." + configuration.endpoints.metricKind(ofEndpoint: $0)) }, uniquingKeysWith: { first, _ in first })
        var enrichmentsByEndpoint: [String: [(enrichment: MessageEnrichment, value: EnrichmentValue)]] = [:]
        for enrichment in configuration.enrichments {
            for name in enrichment.endpointNames {
                enrichmentsByEndpoint[spellings[name.lowercased()] ?? name, default: []].append((enrichment, EnrichmentValue(enrichment.value)))
            }
        }
        self.enrichmentsByEndpoint = enrichmentsByEndpoint
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
    ///
    /// Records no trace, only the decision (`RoutingOutcome`); `traces(of:source:)` rebuilds the
    /// trace from the same message. Each route's error is taken from `errorTexts`, which spells
    /// it once per cause. The message is built only when a condition needs it: a hub whose
    /// telemetry only takes the default fallback route (`true`) routes without reading any property.
    func decide(_ message: () -> RoutedMessage, source: RoutingSource, errorTexts: inout RoutingErrorTexts) -> RoutingOutcome {
        // Created for the first condition evaluated: a message only the fallback `true` takes
        // is never viewed.
        var evaluator: RoutingEvaluator?
        var outcome = RoutingOutcome()
        // Read in place by index: copying a compiled route copies its route's texts.
        let compiled = routesBySource[source] ?? []
        for index in compiled.indices where compiled[index].route.isEnabled {
            switch compiled[index].condition {
            case .success(let condition):
                var current = evaluator ?? RoutingEvaluator(message())
                let verdict = current.verdict(of: condition)
                evaluator = current
                if verdict.matched {
                    outcome.matchedRoutes.insert(index)
                    for name in compiled[index].canonicalEndpointNames where !outcome.endpoints.contains(name) {
                        outcome.endpoints.append(name)
                    }
                } else if verdict.hasError, let text = errorTexts.error(key: verdict.errorKey, spelling: verdict.error) {
                    outcome.errors.append((index, text))
                }
            case .failure:
                if let text = compiled[index].unparsableError { outcome.errors.append((index, text)) }
            }
        }
        // The fallback route takes telemetry no route matched while it is enabled.
        guard source == .deviceMessages, outcome.matchedRoutes.isEmpty, fallback.route.isEnabled else { return outcome }
        if !fallbackAlwaysMatches {
            var current = evaluator ?? RoutingEvaluator(message())
            guard case .success(let condition) = fallback.condition, current.verdict(of: condition).matched else { return outcome }
        }
        outcome.endpoints = fallback.route.endpointNames.map { Self.canonicalName($0, in: endpointSpellings) }
        outcome.fallbackApplied = true
        return outcome
    }

    /// The trace of every route of `source` on `message`, as `decide` decided it: each
    /// condition evaluated again, recording what it read.
    func traces(of message: RoutedMessage, source: RoutingSource) -> [RoutingDecision.RouteTrace] {
        let compiled = routesBySource[source] ?? []
        var evaluations = message.evaluate(compiled.compactMap { route in
            guard route.route.isEnabled, case .success(let condition) = route.condition else { return nil }
            return condition
        }).makeIterator()
        return compiled.map { route in
            var evaluation: RoutingEvaluation?
            if route.route.isEnabled {
                switch route.condition {
                case .success: evaluation = evaluations.next()
                case .failure(let error): evaluation = .unparsable(error)
                }
            }
            return RoutingDecision.RouteTrace(
                name: route.route.name, condition: route.route.condition, endpointNames: route.route.endpointNames,
                isEnabled: route.route.isEnabled, evaluation: evaluation)
        }
    }

    private static func canonicalName(_ name: String, in spellings: [String: String]) -> String {
        spellings[name.lowercased()] ?? name
    }
}
