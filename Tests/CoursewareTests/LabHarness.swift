import AzConsole
import DeviceSimulation
import Foundation
import LabCore
import LocalCloud
import WorkspaceStore

@testable import Courseware

/// A fresh in-memory workspace on a manual clock with the repository's labs, and simulated
/// devices run in-process as `iotlab serve` runs them.
struct LabHarness {
    static let labsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Labs", isDirectory: true)

    let cloud: LocalCloud
    let clock = ManualClock()
    let simulations: TestSimulations
    let runner: LabActionRunner
    let grader: LabGrader

    init() throws {
        cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: clock)
        simulations = TestSimulations(cloud: cloud, clock: clock)
        runner = LabActionRunner(cloud: cloud, simulations: simulations, workingDirectory: FileManager.default.temporaryDirectory)
        // Steps are graded with cursors, as the workbench grades them: the replay of every lab
        // shows incremental re-grading gives the results of grading from scratch.
        grader = LabGrader(cloud: cloud, cursors: CheckCursors())
    }

    func az(_ line: String) async throws -> ConsoleResult {
        await AzConsole(cloud: cloud).run(try ShellWords.split(line), workingDirectory: FileManager.default.temporaryDirectory)
    }

    func operations(_ catalog: LabCatalog = LabCatalog(folder: labsFolder)) -> LabOperations {
        LabOperations(catalog: catalog, cloud: cloud, simulations: simulations, workingDirectory: FileManager.default.temporaryDirectory)
    }
}

/// Runs a lab's simulated devices in the test's process, one runner per hub.
final class TestSimulations: LabSimulationHost, @unchecked Sendable {
    let cloud: LocalCloud
    let clock: ManualClock
    private let lock = NSLock()
    private var runners: [SimulationRunner] = []

    init(cloud: LocalCloud, clock: ManualClock) {
        self.cloud = cloud
        self.clock = clock
    }

    func startSimulation(file: URL, hub: String, deviceId: String?) async throws -> String {
        let definition = try SimulationDefinition(text: String(contentsOf: file, encoding: .utf8))
        let runner = SimulationRunner(hub: try await cloud.engine(forHub: hub), clock: clock)
        lock.withLock { runners.append(runner) }
        let status = try await runner.start(definition, deviceId: deviceId, seed: 1)
        return "Simulating \(status.deviceId)\n"
    }

    func stopAll() async {
        for runner in lock.withLock({ runners }) { _ = await runner.stopAll() }
    }
}
