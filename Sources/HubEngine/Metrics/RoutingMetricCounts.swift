/// The Azure Monitor counts of routed messages, gathered over a batch and added to the hub's
/// metrics at once: each `HubMetrics.count` hashes a long metric name, and every telemetry
/// message touched six of them.
struct RoutingMetricCounts {
    private var telemetry = 0
    private var orphaned = 0
    private var fallback = 0
    private var delivered = 0
    private var bytesDelivered = 0
    /// Copies delivered per endpoint name, in first-seen order (a hub has few endpoints).
    private var deliveries: [(endpointName: String, count: Int)] = []

    /// Counts one routed message: for telemetry, ingress success and the `d2c.telemetry.egress.*`
    /// outcomes (delivered, fallback, orphaned); for every source, the messages and bytes each
    /// endpoint received.
    mutating func add(_ decision: RoutingDecision, copies: [EndpointCopy]) {
        if decision.source == .deviceMessages {
            telemetry += 1
            if decision.isOrphaned { orphaned += 1 }
            if decision.fallbackApplied { fallback += 1 }
            delivered += decision.endpoints.count
        }
        for copy in copies {
            for name in copy.endpointNames {
                bytesDelivered += copy.size
                if let index = deliveries.firstIndex(where: { $0.endpointName == name }) {
                    deliveries[index].count += 1
                } else {
                    deliveries.append((name, 1))
                }
            }
        }
    }

    /// Adds the counts to `metrics` under Azure Monitor's names; `egressMetricNames` gives each
    /// endpoint's `d2c.endpoints.egress.*` counter. A counter is touched only when something
    /// counted for it, as when messages were counted one by one.
    func add(to metrics: inout HubMetrics, egressMetricNames: [String: String]) {
        if telemetry > 0 {
            metrics.count("d2c.telemetry.ingress.success", by: telemetry)
            if orphaned > 0 { metrics.count("d2c.telemetry.egress.orphaned", by: orphaned) }
            if fallback > 0 { metrics.count("d2c.telemetry.egress.fallback", by: fallback) }
            metrics.count("d2c.telemetry.egress.success", by: delivered)
        }
        for (name, count) in deliveries {
            metrics.count(egressMetricNames[name] ?? "d2c.endpoints.egress.builtIn.events", by: count)
        }
        if !deliveries.isEmpty { metrics.count("routingDataSizeInBytesDelivered", by: bytesDelivered) }
    }
}
