import Courseware
import HubEngine
import JSONValue
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
    /// Read a device's or module's twin (answered by `.twinLoaded` or `.twinRefused`).
    case loadTwin(TwinTarget)
    /// Merge a patch of tags and desired properties into a twin if its etag is still `etag`
    /// (answered by `.twinLoaded` with the patch, or `.twinRefused`).
    case updateTwin(TwinTarget, patch: JSONValue, etag: String)
    /// Invoke a direct method; carried out beside the other requests, since the device may
    /// take up to the call's timeouts to answer (answered by `.methodFinished`).
    case invokeMethod(hub: String, deviceId: String, call: DirectMethodCall)
    /// Enqueue a cloud-to-device message (answered by `.cloudToDeviceFinished`).
    case sendCloudToDevice(hub: String, deviceId: String, message: CloudToDeviceMessage)
    /// Read a hub's routes and devices for the Route tester pane (answered by `.routeTester`).
    case loadRouteTester(hub: String)
    /// Try a message on a hub's routes without sending it, as the device `deviceId` (answered by
    /// `.routeTested` or `.routeTestFailed`).
    case testRoute(hub: String, target: RouteTestTarget, message: RouteTestMessage, deviceId: String?)
    /// A step was reset: its checks' cursors start over, so the next grading reads from scratch.
    case resetChecks(labId: String, stepId: String)
    /// Start a simulated device on `deviceId` from the definition made for it (the lab's own
    /// first); answered by `.simulatorReport` and `.devices`, or by `.simulatorTemplates` when no
    /// definition names the device, so the learner picks one.
    case startSimulator(hub: String, deviceId: String, labId: String?)
    /// Start `template` on `deviceId`, every `intervalSeconds` when given (the learner's pick).
    case startSimulatorTemplate(hub: String, deviceId: String, template: SimulationTemplate, intervalSeconds: Double?)
    /// Stop the simulated device `deviceId` (answered by `.simulatorReport` and `.devices`).
    case stopSimulator(hub: String, deviceId: String)
}
