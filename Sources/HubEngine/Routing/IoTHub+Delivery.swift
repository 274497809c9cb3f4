import Foundation
import WorkspaceStore

extension IoTHub {
    /// Writes routed copies to their endpoints inside the caller's transaction and records the
    /// decision in the journal (`MessageRouted`) in the same transaction, so a message is
    /// acknowledged only once both are durable.
    func deliver(_ copies: [EndpointCopy], decision: RoutingDecision, in writer: WorkspaceWriter, at time: Date) throws {
        let routing = telemetry.routes.configuration
        for copy in copies {
            _ = try endpoints.deliver(
                copy.message, to: copy.endpointNames, routing: routing, partitionKey: decision.deviceId, in: writer, at: time)
        }
        try writer.append(HubEvent.messageRouted(decision).draft(scope: scope, time: time))
    }
}
