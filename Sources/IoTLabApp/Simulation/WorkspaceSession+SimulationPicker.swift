import AzConsole
import DeviceSimulation
import Foundation
import JSONValue

/// A simulated-device definition a learner can start on one of their devices from the
/// workbench: a lab's own definition file, or one of `Content/simulations`.
public struct SimulationTemplate: Sendable, Equatable {
    /// The definition's `name`, as `iotlab sim list` shows it.
    public var name: String
    public var file: URL
    /// The device the definition simulates when none is given at start.
    public var deviceId: String?
    /// Seconds of lab time between rounds of messages.
    public var intervalSeconds: Double

    public init(name: String, file: URL, deviceId: String?, intervalSeconds: Double) {
        self.name = name
        self.file = file
        self.deviceId = deviceId
        self.intervalSeconds = intervalSeconds
    }
}

/// A simulated device running in this process, for panes that mark simulated devices.
public struct RunningSimulation: Sendable, Equatable {
    public var hub: String
    public var deviceId: String
    public var moduleId: String?
    public var definitionName: String
    public var messagesSent: Int
}

extension WorkspaceSession {
    /// The definitions in `labFiles` (a lab's own, first), then those of `Content/simulations`;
    /// a file that cannot be read is left out (`iotlab sim start` names its error).
    public static func simulationTemplates(labFiles: [URL]) -> [SimulationTemplate] {
        let folder = ContentFolder.locate().appendingPathComponent("simulations", isDirectory: true)
        let content = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return (labFiles + content).compactMap { file in
            guard let text = try? String(contentsOf: file, encoding: .utf8), let definition = try? SimulationDefinition(text: text) else { return nil }
            return SimulationTemplate(name: definition.name, file: file, deviceId: definition.deviceId, intervalSeconds: definition.intervalSeconds)
        }
    }

    /// The simulated devices this process runs now, hub by hub.
    public func runningSimulations() async -> [RunningSimulation] {
        var running: [RunningSimulation] = []
        for (hub, runner) in simulationRunners.sorted(by: { $0.key < $1.key }) {
            for status in await runner.list() where status.state.isRunning {
                running.append(RunningSimulation(
                    hub: hub, deviceId: status.deviceId, moduleId: status.moduleId, definitionName: status.definitionName,
                    messagesSent: status.messagesSent))
            }
        }
        return running
    }

    /// Starts `template` as `deviceId` on `hub`, as `iotlab sim start FILE -n HUB -d DEVICE`
    /// does. With another `intervalSeconds` than the template's, a copy of the definition with
    /// that interval is written to the workspace's `simulations` folder first and started, so
    /// the learner can run the same device again with `iotlab sim start` (the result says so).
    public func startSimulation(_ template: SimulationTemplate, hub: String, deviceId: String, intervalSeconds: Double?) async -> ConsoleResult {
        var file = template.file
        if let intervalSeconds, intervalSeconds != template.intervalSeconds {
            do {
                var json = try JSONValue(parsing: String(contentsOf: template.file, encoding: .utf8))
                json.setValue(.double(intervalSeconds), at: ["intervalSeconds"])
                let folder = home.folder.appendingPathComponent("simulations", isDirectory: true)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                file = folder.appendingPathComponent("\(template.name)-\(deviceId).json")
                try Data((json.serialized(.pretty) + "\n").utf8).write(to: file)
            } catch {
                return .failure("The definition \(template.file.path) could not be copied with a \(intervalSeconds) s interval: \(error)\n")
            }
        }
        return await perform(
            .simulation(.start(hub: hub, definition: file.path, deviceId: deviceId, moduleId: nil, seed: nil)),
            workingDirectory: file.deletingLastPathComponent())
    }
}
