import Courseware

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
    /// Watch a hub's built-in endpoint (`monitor-events`), replacing any earlier watch
    /// (answered by `.telemetry` pieces, then `.telemetryEnded`).
    case watchTelemetry(hub: String)
    /// Read every hub's device identities (answered by `.devices`).
    case listDevices
    /// Keep the learner's progress in the workspace.
    case saveProgress(LabProgress)
    /// A step was reset: its checks' cursors start over, so the next grading reads from scratch.
    case resetChecks(labId: String, stepId: String)
}
