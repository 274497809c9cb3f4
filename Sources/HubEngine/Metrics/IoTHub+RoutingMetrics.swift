extension IoTHub {
    /// Counts one routed message under Azure Monitor's names: ingress success, egress per
    /// endpoint type, fallback and orphaned messages.
    func count(_ decision: RoutingDecision, copies: [EndpointCopy]) {
        if decision.source == .deviceMessages { metrics.count("d2c.telemetry.ingress.success") }
        if decision.isOrphaned {
            metrics.count("d2c.telemetry.egress.orphaned")
            return
        }
        if decision.fallbackApplied { metrics.count("d2c.telemetry.egress.fallback") }
        metrics.count("d2c.telemetry.egress.success", by: decision.endpoints.count)
        for copy in copies {
            let bytes = copy.message.size
            for name in copy.endpointNames {
                metrics.count(telemetry.routes.egressMetricNames[name] ?? "d2c.endpoints.egress.builtIn.events")
                metrics.count("routingDataSizeInBytesDelivered", by: bytes)
            }
        }
    }
}
