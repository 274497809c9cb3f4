import AzConsole
import Courseware
import Foundation

extension WorkspaceSession: LabSimulationHost {
    func perform(_ operation: LabOperation, workingDirectory: URL) async -> ConsoleResult {
        // Simulated devices outlive the command only in a process that keeps serving.
        let operations = LabOperations(
            catalog: LabCatalog(folder: LabsFolder.locate()), cloud: cloud, simulations: frontDoors == nil ? nil : self,
            workingDirectory: workingDirectory)
        switch operation {
        case .list(let idsOnly): return operations.list(idsOnly: idsOnly)
        case .show(let lab): return operations.show(lab)
        case .start(let lab): return await operations.start(lab)
        case .check(let lab, let step): return await operations.check(lab, step: step)
        case .hint(let lab): return operations.hint(lab)
        case .reset(let lab, let step): return operations.reset(lab, step: step)
        case .solve(let lab, let step): return await operations.solve(lab, step: step)
        }
    }

    public func startSimulation(file: URL, hub: String, deviceId: String?) async throws -> String {
        let result = await perform(
            .simulation(.start(hub: hub, definition: file.path, deviceId: deviceId, moduleId: nil, seed: nil)),
            workingDirectory: file.deletingLastPathComponent())
        guard result.exitCode == 0 else { throw LabSimulationFailure(message: result.standardError) }
        return result.standardOutput
    }
}

/// A lab's simulated device that could not start, with the simulator's reason.
struct LabSimulationFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message.trimmingCharacters(in: .whitespacesAndNewlines) }
}
