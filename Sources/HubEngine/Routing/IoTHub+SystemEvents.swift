import Foundation
import WorkspaceStore

extension IoTHub {
    /// Routes the twin-change, lifecycle and connection-state messages a registry or twin change
    /// produces, inside the transaction that writes the change (filled in by the routing work).
    func routeSystemEvents(of change: HubChange, in writer: WorkspaceWriter, at time: Date) throws {}
}
