import DeviceSimulation
import LabCore

/// `iotlab sim list`: one row per simulated device.
enum SimulationTable {
    static func text(_ statuses: [(hub: String, status: SimulationStatus)]) -> String {
        guard !statuses.isEmpty else { return "No simulated devices. Start one with: iotlab sim start DEFINITION -n HUB\n" }
        let header = ["HUB", "DEVICE", "DEFINITION", "STATE", "SENT", "REFUSED", "METHODS", "C2D", "LAST MESSAGE"]
        let rows = statuses.map { hub, status in
            [
                hub, status.deviceId + (status.moduleId.map { "/" + $0 } ?? ""), status.definitionName, stateText(status),
                String(status.messagesSent), String(status.sendFailures), String(status.methodsAnswered),
                String(status.cloudToDeviceSettled), status.lastMessageAt.map { AzureTimestamp.string($0) } ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `running`, `completed`, or `disconnected: device disabled` with the reason.
    static func stateText(_ status: SimulationStatus) -> String {
        switch status.state {
        case .disconnected(let reason), .failed(let reason): status.state.name + ": " + reason
        default: status.state.name
        }
    }
}
