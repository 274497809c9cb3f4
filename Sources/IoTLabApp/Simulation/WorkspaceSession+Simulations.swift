import AzConsole
import DeviceSimulation
import Foundation
import HubEngine
import LabCore

extension WorkspaceSession {
    func perform(_ operation: SimulationOperation, workingDirectory: URL) async -> ConsoleResult {
        do {
            switch operation {
            case .start(let hub, let name, let deviceId, let moduleId, let seed):
                let definition = try Self.definition(named: name, workingDirectory: workingDirectory)
                let device = deviceId ?? definition.deviceId ?? ""
                let activity = self.activity
                let clock = self.clock
                let label = device + (moduleId.map { "/" + $0 } ?? "")
                let status = try await runner(forHub: hub).start(
                    definition, deviceId: deviceId, moduleId: moduleId, seed: seed,
                    observer: { event in activity?(SimulationActivity.line(event, device: label, at: clock.now())) })
                let seconds = definition.intervalSeconds
                let every = seconds == 1 ? "every second" : "every \(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) s"
                return .success("Simulating \(status.deviceId) on \(hub) with \(definition.name): a message \(every) of lab time.\n")
            case .stop(let hub, let deviceId, let moduleId):
                let status = try await runner(forHub: hub).stop(deviceId: deviceId, moduleId: moduleId)
                return .success("Stopped \(status.deviceId) after \(status.messagesSent) messages.\n")
            case .list(let hub):
                var rows: [(hub: String, status: SimulationStatus)] = []
                for (name, runner) in simulationRunners.sorted(by: { $0.key < $1.key }) where hub == nil || hub == name {
                    rows += await runner.list().map { (name, $0) }
                }
                return .success(SimulationTable.text(rows))
            }
        } catch {
            return .failure("\(error)")
        }
    }

    /// Waits until no simulated device of this process is running any more.
    public func waitUntilSimulationsEnd() async {
        while !Task.isCancelled {
            var running = false
            for runner in simulationRunners.values {
                for status in await runner.list() where status.state.isRunning { running = true }
            }
            if !running { return }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Stops every simulated device of this process (shutting down, or the hubs being replaced).
    public func stopAllSimulations() async {
        for runner in simulationRunners.values { await runner.stopAll() }
        simulationRunners.removeAll()
    }

    private func runner(forHub name: String) async throws -> SimulationRunner {
        if let runner = simulationRunners[name] { return runner }
        let runner = SimulationRunner(hub: try await cloud.engine(forHub: name), clock: clock)
        simulationRunners[name] = runner
        return runner
    }

    /// A definition from a JSON file (a path, or any name ending in `.json`), else by name from
    /// the content folder's `simulations`.
    private static func definition(named name: String, workingDirectory: URL) throws -> SimulationDefinition {
        if name.hasSuffix(".json") || name.contains("/") {
            let file = URL(fileURLWithPath: name, relativeTo: workingDirectory)
            return try SimulationDefinition(text: String(contentsOf: file, encoding: .utf8))
        }
        return try SimulationCatalog(directory: ContentFolder.locate().appendingPathComponent("simulations")).definition(named: name)
    }
}
