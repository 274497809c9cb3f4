import Courseware
import IoTLabApp

/// What the workbench asks of the workspace. The app's state changes only through its loop, so
/// anything that reads or writes the workspace is requested here and carried out, in order, by
/// `WorkbenchServices`, which answers with a `WorkbenchMessage`.
public enum WorkbenchRequest: Sendable {
    /// Run the checks of one step (answered by `.graded`).
    case grade(labId: String, stepId: String)
    /// Run an az command line typed in the console, as `iotlab az` runs it (answered by `.consoleFinished`).
    case runConsole(String)
    /// Run the lab's setup and start its clock, as `iotlab lab start` does (answered by `.labStarted`).
    case startLab(labId: String)
    /// Watch a hub's built-in endpoint from now on, as `monitor-events` does, replacing any
    /// earlier watch (answered by `.telemetryEvents` batches, then `.telemetryEnded`).
    case watchTelemetry(hub: String)
    /// Read every hub's device identities (answered by `.devices`).
    case listDevices
    /// Keep the learner's progress in the workspace.
    case saveProgress(LabProgress)
    /// Start a simulated device on `deviceId` from the definition made for it (the lab's own
    /// first); answered by `.simulatorReport` and `.devices`, or by `.simulatorTemplates` when no
    /// definition names the device, so the learner picks one.
    case startSimulator(hub: String, deviceId: String, labId: String?)
    /// Start `template` on `deviceId`, every `intervalSeconds` when given (the learner's pick).
    case startSimulatorTemplate(hub: String, deviceId: String, template: SimulationTemplate, intervalSeconds: Double?)
    /// Stop the simulated device `deviceId` (answered by `.simulatorReport` and `.devices`).
    case stopSimulator(hub: String, deviceId: String)
}
