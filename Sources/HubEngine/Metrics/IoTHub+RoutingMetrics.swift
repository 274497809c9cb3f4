extension IoTHub {
    /// Counts one routed message under Azure Monitor's names (see `RoutingMetricCounts`).
    func count(_ decision: RoutingDecision, copies: [EndpointCopy]) {
        var counts = RoutingMetricCounts()
        counts.add(decision, copies: copies)
        count(counts)
    }

    /// Adds the counts of a batch of routed messages to the hub's metrics.
    func count(_ counts: RoutingMetricCounts) {
        counts.add(to: &metrics, egressMetricNames: telemetry.routes.egressMetricNames)
    }
}
