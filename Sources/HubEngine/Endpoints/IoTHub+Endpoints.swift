import Foundation

extension IoTHub {
    /// Deletes the built-in endpoint's events older than the hub's retention now, rather than at
    /// the next hourly check during delivery (for `iotlab clock advance` and the endpoint pane).
    /// - Returns: how many events were deleted.
    @discardableResult
    public func purgeExpiredEvents() throws -> Int {
        let cutoff = EventRetention.cutoff(at: clock.now(), days: endpoints.eventHub.retentionDays)
        let scope = self.scope
        return try workspace.write { writer in
            try writer.purgeStreamEvents(scope: scope, stream: EndpointSet.builtInEndpointName, enqueuedBefore: cutoff)
        }
    }
}
