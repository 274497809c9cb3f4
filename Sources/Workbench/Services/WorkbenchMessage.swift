import AzConsole
import Courseware
import HubEngine
import JSONValue
import IoTLabApp
import WorkspaceStore

/// What reaches the workbench from outside its loop: the workspace opening, check results,
/// console output and new journal events (sent through `FrameLoop.send(_:)`).
public enum WorkbenchMessage: Sendable {
    /// The workspace is held: progress by lab, where the learner's code connects, and the az
    /// command names the console completes.
    case opened(WorkspaceOverview)
    /// The workspace could not be held (another iotlab serves it, or it cannot be read).
    case openFailed(String)
    case graded(labId: String, stepId: String, results: [CheckResult])
    case consoleFinished(command: String, result: ConsoleResult)
    case labStarted(labId: String, progress: LabProgress, result: ConsoleResult)
    /// How the learner's code connects now (a console command may have added a device).
    case connections([String])
    /// The watch stopped (the hub does not exist, or it was replaced), with what it printed on error.
    case telemetryEnded(hub: String, reason: String)
    /// Every hub's device identities, for the Devices pane.
    case devices([DeviceSummary])
    /// Events appended to the journal since the last poll, oldest first.
    case journal([JournalRecord])
    /// Something went wrong carrying out a request; shown on the status line.
    case problem(String)
    /// A twin as the hub holds it, after a read or (with `patch`) after the patch was applied.
    case twinLoaded(TwinTarget, twin: JSONValue, patch: JSONValue?)
    /// The hub refused to read or patch a twin.
    case twinRefused(TwinTarget, HubRefusal)
    /// A direct method's outcome: the device's answer or the hub's refusal (DeviceNotOnline, GatewayTimeout…).
    case methodFinished(hub: String, deviceId: String, methodName: String, Result<DirectMethodResult, HubRefusal>)
    /// A cloud-to-device send's outcome: the device's queue depth after it, or the hub's refusal.
    case cloudToDeviceFinished(hub: String, deviceId: String, messageId: String?, Result<Int, HubRefusal>)
    /// The lab hub's routes and devices, for the Route tester pane.
    case routeTester(RouteTesterSnapshot)
    /// What routing would do with the Route tester's message.
    case routeTested(RouteTestReport)
    /// The hub refused the route test (Azure's error: an unknown route or device).
    case routeTestFailed(HubRefusal)
    /// Events read from a hub's built-in endpoint since the last read, oldest first.
    case telemetryEvents(hub: String, events: [TelemetryEvent])
    /// The definitions a simulated device can start from, when none names `deviceId`.
    case simulatorTemplates(hub: String, deviceId: String, templates: [SimulationTemplate])
    /// What starting or stopping a simulated device did, for the status line.
    case simulatorReport(String)
}

/// The state of the workspace when the workbench opened it.
public struct WorkspaceOverview: Sendable {
    public var progress: [String: LabProgress]
    /// How the learner's own code connects: listeners, CA file, connection strings.
    public var connections: [String]
    public var commandNames: [String]

    public init(progress: [String: LabProgress], connections: [String], commandNames: [String]) {
        self.progress = progress
        self.connections = connections
        self.commandNames = commandNames
    }
}
