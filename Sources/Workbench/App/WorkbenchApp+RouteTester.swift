import TerminalUI
import WorkspaceStore

extension WorkbenchApp {
    /// The journal kinds after which the Route tester reads the hub's routes and devices again.
    static let routeTesterKinds: Set<String> = [
        "IotHubCreated", "IotHubUpdated", "IotHubDeleted", "IotHubRoutingUpdated", "DeviceCreated", "DeviceDeleted", "DevicesImported",
    ]

    /// Asks for the lab hub's routes and devices (when the pane is shown or they changed).
    func loadRouteTester() {
        guard let runner else { return }
        request(.loadRouteTester(hub: runner.lab.hub))
    }

    /// Reloads the pane's routes when the journal says they or the devices changed while it is shown.
    func routeTesterHeard(_ records: [JournalRecord]) {
        guard page == .lab, selectedPane == .routes, records.contains(where: { Self.routeTesterKinds.contains($0.kind) }) else { return }
        loadRouteTester()
    }

    /// Passes a key to the Route tester; a test it asks for goes to the hub. Returns whether the
    /// pane used the key.
    mutating func handleRouteTester(_ event: InputEvent, in area: Rect) -> Bool {
        switch routeTester.handle(event, in: area) {
        case .ignored:
            return false
        case .handled:
            return true
        case .run(let test):
            if let runner { request(.testRoute(hub: runner.lab.hub, target: test.target, message: test.message, deviceId: test.deviceId)) }
            return true
        }
    }
}
