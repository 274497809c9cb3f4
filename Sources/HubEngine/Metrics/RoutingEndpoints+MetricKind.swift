extension RoutingEndpoints {
    /// The part of Azure's `d2c.endpoints.egress.*` metric name for the endpoint `name`:
    /// `builtIn.events`, `storage`, `serviceBusQueues`, `serviceBusTopics` or `eventHubs`.
    func metricKind(ofEndpoint name: String) -> String {
        func has(_ endpoints: [String]) -> Bool { endpoints.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
        if has(storageContainers.map(\.name)) { return "storage" }
        if has(serviceBusQueues.map(\.name)) { return "serviceBusQueues" }
        if has(serviceBusTopics.map(\.name)) { return "serviceBusTopics" }
        if has(eventHubs.map(\.name)) { return "eventHubs" }
        return "builtIn.events"
    }
}
