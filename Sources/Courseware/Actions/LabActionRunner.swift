import AzConsole
import Foundation
import LocalCloud

/// Runs a lab's setup or a step's solution: each az command through the az console, exactly as
/// the learner would type it (DESIGN.md, principle 1), each simulated device on the host.
public struct LabActionRunner: Sendable {
    /// What running actions printed, and whether all succeeded.
    public struct Report: Sendable, Equatable {
        /// One entry per action: the command line as run, then what it printed.
        public var transcript: [String] = []
        public var succeeded = true
    }

    let cloud: LocalCloud
    let simulations: (any LabSimulationHost)?
    let workingDirectory: URL

    public init(cloud: LocalCloud, simulations: (any LabSimulationHost)?, workingDirectory: URL) {
        self.cloud = cloud
        self.simulations = simulations
        self.workingDirectory = workingDirectory
    }

    /// Runs `actions` in order with `$HUB` set to the lab's hub; stops at the first that fails.
    public func run(_ actions: [LabAction], of lab: LabDefinition) async -> Report {
        var variables = ["HUB": lab.hub]
        var report = Report()
        let console = AzConsole(cloud: cloud)
        let grader = LabGrader(cloud: cloud)
        for action in actions {
            switch action {
            case .az(let arguments, let saveAs, let unless):
                let expanded = arguments.map { Self.expand($0, variables) }
                let line = "az " + expanded.map(ShellWords.quoted).joined(separator: " ")
                if let unless, await grader.grade(unless, hub: lab.hub).status == .pass {
                    report.transcript.append("\(line)  (skipped: already done)")
                    continue
                }
                let result = await console.run(expanded, workingDirectory: workingDirectory)
                report.transcript.append(line + "\n" + result.standardOutput + result.standardError)
                guard result.exitCode == 0 else {
                    report.succeeded = false
                    return report
                }
                if let saveAs { variables[saveAs] = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) }
            case .simulate(let file, let deviceId):
                let line = "iotlab sim start \(file) -n \(lab.hub)" + (deviceId.map { " -d \($0)" } ?? "")
                guard let simulations else {
                    report.transcript.append(line + "\nSimulated devices run in the process that holds the workspace: start `iotlab serve` first.\n")
                    report.succeeded = false
                    return report
                }
                do {
                    let started = try await simulations.startSimulation(file: lab.folder.appendingPathComponent(file), hub: lab.hub, deviceId: deviceId)
                    report.transcript.append(line + "\n" + started)
                } catch {
                    report.transcript.append(line + "\n\(error)\n")
                    report.succeeded = false
                    return report
                }
            }
        }
        return report
    }

    /// `word` with `$NAME` and `${NAME}` replaced by saved values (unknown names stay as written).
    static func expand(_ word: String, _ variables: [String: String]) -> String {
        var result = word
        for (name, value) in variables.sorted(by: { $0.key.count > $1.key.count }) {
            result = result.replacingOccurrences(of: "${\(name)}", with: value).replacingOccurrences(of: "$\(name)", with: value)
        }
        return result
    }
}
