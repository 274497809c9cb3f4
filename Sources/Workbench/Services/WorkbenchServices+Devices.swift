import AzConsole
import Courseware
import Foundation
import IoTLabApp

extension WorkbenchServices {
    /// Every hub's devices, each marked with the simulated device this process runs for it.
    static func devicesAndSimulators(_ session: WorkspaceSession) async -> [DeviceSummary] {
        let running = await session.runningSimulations()
        return await devices(in: await session.cloud).map { row in
            var row = row
            row.simulator = running.first { $0.hub == row.hub && $0.deviceId == row.deviceId && $0.moduleId == nil }?.definitionName
            return row
        }
    }

    /// Starts or stops a simulated device, then sends what happened and the refreshed rows.
    func carryOutSimulator(_ request: WorkbenchRequest, session: WorkspaceSession, send: @escaping @Sendable (WorkbenchMessage) -> Void) async {
        let result: ConsoleResult
        switch request {
        case .startSimulator(let hub, let deviceId, let labId):
            let templates = WorkspaceSession.simulationTemplates(labFiles: labId.map { labDefinitionFiles($0) } ?? [])
            guard let template = templates.first(where: { $0.deviceId == deviceId }) else {
                send(.simulatorTemplates(hub: hub, deviceId: deviceId, templates: templates))
                return
            }
            result = await session.startSimulation(template, hub: hub, deviceId: deviceId, intervalSeconds: nil)
        case .startSimulatorTemplate(let hub, let deviceId, let template, let interval):
            result = await session.startSimulation(template, hub: hub, deviceId: deviceId, intervalSeconds: interval)
        case .stopSimulator(let hub, let deviceId):
            result = await session.perform(.simulation(.stop(hub: hub, deviceId: deviceId, moduleId: nil)), workingDirectory: catalog.folder)
        default:
            return
        }
        let text = (result.exitCode == 0 ? result.standardOutput : result.standardError).trimmingCharacters(in: .whitespacesAndNewlines)
        send(.simulatorReport(text))
        send(.devices(await Self.devicesAndSimulators(session)))
    }

    /// The simulation definitions a lab's setup and solutions start (`simulate:`), in order.
    private nonisolated func labDefinitionFiles(_ labId: String) -> [URL] {
        guard let lab = try? catalog.lab(labId) else { return [] }
        let actions = lab.setup + lab.steps.flatMap(\.solution)
        return actions.compactMap { action in
            guard case .simulate(let file, _) = action else { return nil }
            return lab.folder.appendingPathComponent(file)
        }
    }
}
