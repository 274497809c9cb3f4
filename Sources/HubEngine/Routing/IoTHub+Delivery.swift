import Foundation
import WorkspaceStore

extension IoTHub {
    /// Stages routed copies for their endpoints in `appends`, which the caller writes in the same
    /// transaction, and records the decision in the journal (`MessageRouted`) in that transaction,
    /// so a message is acknowledged only once both are durable.
    func deliver(
        _ copies: [EndpointCopy], decision: RoutingDecision, into appends: inout StreamAppends, in writer: WorkspaceWriter, at time: Date
    ) throws {
        let routing = telemetry.routes.configuration
        for copy in copies {
            _ = try endpoints.stage(
                copy.message, to: copy.endpointNames, routing: routing, partitionKey: decision.deviceId, into: &appends, in: writer, at: time)
        }
        try writer.append(decision.messageRoutedRecord(scope: scope, time: time))
    }
}
