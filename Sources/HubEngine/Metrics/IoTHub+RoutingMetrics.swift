extension IoTHub {
    /// Counts one routed message under Azure Monitor's names: for telemetry, ingress success and
    /// the `d2c.telemetry.egress.*` outcomes (delivered, fallback, orphaned); for every source,
    /// the messages and bytes each endpoint type received (`d2c.endpoints.egress.*`).
    func count(_ decision: RoutingDecision, copies: [EndpointCopy]) {
        if decision.source == .deviceMessages {
            metrics.count("d2c.telemetry.ingress.success")
            if decision.isOrphaned { metrics.count("d2c.telemetry.egress.orphaned") }
            if decision.fallbackApplied { metrics.count("d2c.telemetry.egress.fallback") }
            metrics.count("d2c.telemetry.egress.success", by: decision.endpoints.count)
        }
        for copy in copies {
            let bytes = copy.size
            for name in copy.endpointNames {
                metrics.count(telemetry.routes.egressMetricNames[name] ?? "d2c.endpoints.egress.builtIn.events")
                metrics.count("routingDataSizeInBytesDelivered", by: bytes)
            }
        }
    }
}
