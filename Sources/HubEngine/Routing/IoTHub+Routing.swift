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
        var groups: [[RoutingDecision.AppliedEnrichment]] = []
        var applied: [RoutingDecision.AppliedEnrichment] = []
        for endpoint in outcome.endpoints {
            var copy = message
            var stamped: [RoutingDecision.AppliedEnrichment] = []
            for (enrichment, value) in table.enrichmentsByEndpoint[endpoint] ?? [] {
                let text = value.resolve(text: enrichment.value, hubName: settings.name, twin: twin)
                copy.applicationProperties[enrichment.key] = text
                stamped.append(RoutingDecision.AppliedEnrichment(endpointName: endpoint, key: enrichment.key, value: text))
            }
            applied += stamped
            let signature = stamped.map { RoutingDecision.AppliedEnrichment(endpointName: "", key: $0.key, value: $0.value) }
            if let index = groups.firstIndex(of: signature) {
                copies[index].endpointNames.append(endpoint)
            } else {
                groups.append(signature)
                copies.append(EndpointCopy(message: copy, endpointNames: [endpoint]))
            }
        }
        let decision = RoutingDecision(
            source: source, deviceId: message.systemProperties.connectionDeviceId ?? "",
            moduleId: message.systemProperties.connectionModuleId, messageId: message.systemProperties.messageId,
            enqueuedTime: message.systemProperties.enqueuedTime, fallbackApplied: outcome.fallbackApplied,
            endpoints: outcome.endpoints, enrichments: applied,
            basis: RoutingBasis(table: table, source: source, message: message, twin: twin, outcome: outcome))
        return (decision, copies)
    }
}
