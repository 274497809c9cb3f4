import IoTQuery
import JSONValue
import LabCore

/// What one routing decision was made from (the compiled routing, the stamped message and the
/// sender's twin as they were) and what it found (where the message went, which routes matched,
/// each route's error, the enrichments stamped), kept by reference so that copying a decision
/// copies one pointer.
final class RoutingBasis: Sendable {
    let table: RouteTable
    let source: RoutingSource
    let message: HubMessage
    let twin: JSONValue?
    let matchedRoutes: RouteIndexSet
    /// The routes, by index among the source's routes, that could not be evaluated, with why.
    let errors: [(route: Int, text: String)]
    let fallbackApplied: Bool
    /// The endpoints the message was delivered to, each once, in route order.
    let endpoints: [String]
    let enrichments: [RoutingDecision.AppliedEnrichment]

    init(
        table: RouteTable, source: RoutingSource, message: HubMessage, twin: JSONValue?, outcome: RoutingOutcome,
        enrichments: [RoutingDecision.AppliedEnrichment]
    ) {
        self.table = table
        self.source = source
        self.message = message
        self.twin = twin
        matchedRoutes = outcome.matchedRoutes
        errors = outcome.errors
        fallbackApplied = outcome.fallbackApplied
        endpoints = outcome.endpoints
        self.enrichments = enrichments
    }

    /// The source's routes, in the configuration's order.
    var routes: [RouteTable.CompiledRoute] { table.routesBySource[source] ?? [] }

    /// Every route's trace, evaluated again on the message as routing saw it.
    func traces() -> [RoutingDecision.RouteTrace] {
        let enqueuedTimeText = table.needsSystemProperties(for: source) ? AzureTimestamp.string(message.systemProperties.enqueuedTime) : nil
        return table.traces(of: message.routed(twin: twin, enqueuedTimeText: enqueuedTimeText), source: source)
    }
}
