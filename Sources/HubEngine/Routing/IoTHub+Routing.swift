import Foundation
import JSONValue

extension IoTHub {
    /// Routes a stamped message of `source`: evaluates the source's routes (reading the twin
    /// under `twinKey` only when a route or enrichment needs it), applies each endpoint's
    /// enrichments, and returns the decision with the copies to deliver. Writes nothing.
    func route(_ message: HubMessage, source: RoutingSource, twinKey: String) -> (RoutingDecision, [EndpointCopy]) {
        let table = telemetry.routes
        let twin = table.needsTwin(for: source) ? state.documents[twinKey] : nil
        let enqueuedTimeText = table.needsSystemProperties(for: source)
            ? telemetry.enqueuedTimeText(for: message.systemProperties.enqueuedTime) : nil
        let outcome = table.decide(
            { message.routed(twin: twin, enqueuedTimeText: enqueuedTimeText) }, source: source, errorTexts: &telemetry.errorTexts)
        var copies: [EndpointCopy] = []
        var applied: [RoutingDecision.AppliedEnrichment] = []
        // Each copy's enrichments, as a range of `applied`: endpoints stamped alike share a copy.
        var stampedByCopy: [Range<Int>] = []
        for endpoint in outcome.endpoints {
            let first = applied.count
            for (enrichment, value) in table.enrichmentsByEndpoint[endpoint] ?? [] {
                let text = value.resolve(text: enrichment.value, hubName: settings.name, twin: twin)
                applied.append(RoutingDecision.AppliedEnrichment(endpointName: endpoint, key: enrichment.key, value: text))
            }
            let stamped = first..<applied.count
            let shared = stampedByCopy.firstIndex { range in
                applied[range].elementsEqual(applied[stamped]) { $0.key == $1.key && $0.value == $1.value }
            }
            if let shared {
                copies[shared].endpointNames.append(endpoint)
            } else {
                var copy = message
                for index in stamped { copy.applicationProperties[applied[index].key] = applied[index].value }
                stampedByCopy.append(stamped)
                copies.append(EndpointCopy(message: copy, endpointNames: [endpoint]))
            }
        }
        let decision = RoutingDecision(
            basis: RoutingBasis(table: table, source: source, message: message, twin: twin, outcome: outcome, enrichments: applied))
        return (decision, copies)
    }
}
