import Foundation
import WorkspaceStore

extension IoTHub {
    /// Stages routed copies for their endpoints in `appends` and the decision's journal record
    /// (`MessageRouted`) in `journal`, which the caller writes in the same transaction (a batch's
    /// records together), so a message is acknowledged only once both are durable.
    func deliver(
        _ copies: [EndpointCopy], decision: RoutingDecision, into appends: inout StreamAppends, journal: inout MessageRoutedJournal,
        in writer: WorkspaceWriter, at time: Date
    ) throws {
        let routing = telemetry.routes.configuration
        for copy in copies {
            try endpoints.stageEach(
                copy.message, to: copy.endpointNames, routing: routing, partitionKey: decision.deviceId, into: &appends, in: writer, at: time)
        }
        journal.append(decision)
    }
}
