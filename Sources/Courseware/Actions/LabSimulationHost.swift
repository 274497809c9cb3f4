import Foundation

/// Where a lab's simulated devices run: the process that holds the workspace (the workbench or
/// `iotlab serve`), so they keep running after the command that started them, and `iotlab sim
/// list` shows them.
public protocol LabSimulationHost: Sendable {
    /// Starts simulating the device defined in `file` (the JSON format of `Content/simulations`)
    /// on `hub`, as `deviceId` when given; returns a line saying so.
    func startSimulation(file: URL, hub: String, deviceId: String?) async throws -> String
}
