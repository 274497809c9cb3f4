import Foundation
import IoTLabApp
import TerminalUI

extension WorkbenchApp {
    /// The Devices pane's keys; returns false when the pane did not use the key.
    mutating func handleDevices(_ event: InputEvent, in area: Rect) -> Bool {
        let (used, action) = devices.handle(event, in: area)
        if let action { perform(action) }
        return used
    }

    /// The definitions to pick from when none is made for the device the learner simulates.
    mutating func receivedSimulatorTemplates(hub: String, deviceId: String, templates: [SimulationTemplate]) {
        guard !templates.isEmpty else {
            status = "No simulation definition can be read (Content/simulations)."
            return
        }
        devices.askTemplate(hub: hub, deviceId: deviceId, templates: templates)
    }

    private mutating func perform(_ action: DeviceAction) {
        switch action {
        case .startSimulator(let hub, let deviceId):
            status = "Starting a simulated \(deviceId)…"
            request(.startSimulator(hub: hub, deviceId: deviceId, labId: runner?.lab.id))
        case .startTemplate(let hub, let deviceId, let template, let interval):
            status = "Starting a simulated \(deviceId)…"
            request(.startSimulatorTemplate(hub: hub, deviceId: deviceId, template: template, intervalSeconds: interval))
        case .stopSimulator(let hub, let deviceId):
            request(.stopSimulator(hub: hub, deviceId: deviceId))
        case .openTwin(let hub, let deviceId, let moduleId):
            openTwin(hub: hub, deviceId: deviceId, moduleId: moduleId)
        case .openMethods(let hub, let deviceId):
            openMethods(hub: hub, deviceId: deviceId)
        }
    }
}
