import Foundation
import WorkspaceStore

extension IoTHub {
    /// Writes routed copies to their endpoints inside the caller's transaction and records the
    /// decision in the journal (`MessageRouted`) in the same transaction, so a message is
    /// acknowledged only once both are durable.
    func deliver(_ copies: [EndpointCopy], decision: RoutingDecision, in writer: WorkspaceWriter, at time: Date) throws {
        // Endpoint writes land with the endpoints work's `EndpointSet.deliver`.
        _ = copies
        try writer.append(HubEvent.messageRouted(decision).draft(scope: scope, time: time))
    }
}
