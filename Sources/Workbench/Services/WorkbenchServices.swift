import AzConsole
import Courseware
import Foundation
import HubEngine
import IoTLabApp
import LocalCloud
import WorkspaceStore

/// Carries out the workbench's requests against the session that holds the workspace, one at a
/// time and in order, and watches the journal so checks re-run when something relevant happens
/// (rustlings' watch mode).
///
/// The journal is polled by sequence number: one indexed read of the newest sequence per poll,
/// and the new events only when there are some, so an idle workspace costs next to nothing and
/// a burst of events reaches the workbench as one message.
public actor WorkbenchServices {
    public nonisolated let catalog: LabCatalog
    private let requests: AsyncStream<WorkbenchRequest>
    private nonisolated let pending: AsyncStream<WorkbenchRequest>.Continuation
    private var lastSequence: Int64 = 0
    /// The running `monitor-events` of the Telemetry pane.
    var telemetryWatch: Task<Void, Never>?
    /// Where each step's checks got to, so a re-grade reads only new journal and endpoint records.
    private let cursors = CheckCursors()
    /// How many past events the Events pane starts with.
    static let history = 200
    /// The most events read from the journal in one poll; the rest come on the next.
    static let pageSize = 500

    public init(catalog: LabCatalog) {
        self.catalog = catalog
        (requests, pending) = AsyncStream.makeStream(of: WorkbenchRequest.self)
    }

    /// Queues a request; it is carried out once `serve` runs.
    public nonisolated func request(_ request: WorkbenchRequest) {
        pending.yield(request)
    }

    /// Takes no more requests: `serve` carries out those already queued, then returns. The
    /// workbench quits this way rather than by cancelling `serve`, so a progress save queued by
    /// the last check that passed is written, not dropped with the queue.
    public nonisolated func finish() {
        pending.finish()
    }

    /// Opens the workbench on `session` and carries out requests until `finish()` was called and
    /// the queue is empty, or the calling task is cancelled; `pollInterval` is how often the
    /// journal is read between requests (nil: only after each console command, which is what
    /// tests drive).
    public func serve(
        session: WorkspaceSession, pollInterval: Duration? = .milliseconds(250), send: @escaping @Sendable (WorkbenchMessage) -> Void
    ) async {
        do {
            let newest = try session.workspace.lastJournalSequence()
            lastSequence = max(0, newest - Int64(Self.history))
            let progress = try LabProgressStore(workspace: session.workspace).all()
            let names = await AzCommandNames.collect(from: AzConsole(cloud: await session.cloud), workingDirectory: catalog.folder)
            send(.opened(WorkspaceOverview(progress: progress, connections: await Self.connections(session), commandNames: names)))
        } catch {
            send(.openFailed("The workspace \(session.home.folder.path) could not be read: \(error)"))
            return
        }
        pollJournal(session: session, send: send)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await request in self.requests {
                    await self.carryOut(request, session: session, send: send)
                }
                await self.stopTelemetry()
            }
            if let pollInterval {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: pollInterval)
                        await self.pollJournal(session: session, send: send)
                    }
                }
            }
            // The queue ended (finished and drained, or cancelled): the journal poller stops with it.
            await group.next()
            group.cancelAll()
        }
    }

    private func carryOut(_ request: WorkbenchRequest, session: WorkspaceSession, send: @escaping @Sendable (WorkbenchMessage) -> Void) async {
        switch request {
        case .grade(let labId, let stepId):
            guard let lab = try? catalog.lab(labId), let step = lab.step(stepId) else { return }
            let results = await LabGrader(cloud: await session.cloud, cursors: cursors).grade(step, of: lab)
            send(.graded(labId: labId, stepId: stepId, results: results))
        case .runConsole(let line):
            let result: ConsoleResult
            do {
                var words = try ShellWords.split(line)
                if words.first == "iotlab" { words.removeFirst() }
                if words.first == "az" { words.removeFirst() }
                if AzConsole.isWatching(words) {
                    result = ConsoleResult(
                        standardOutput: "", standardError: "This command runs until stopped: watch the Events pane here, or run it in another shell.\n",
                        exitCode: 2)
                } else {
                    result = await session.perform(.az(arguments: words), workingDirectory: catalog.folder)
                }
            } catch {
                result = ConsoleResult(standardOutput: "", standardError: "\(error)\n", exitCode: 2)
            }
            send(.consoleFinished(command: line, result: result))
            pollJournal(session: session, send: send)
            send(.connections(await Self.connections(session)))
        case .startLab(let labId):
            let result = await session.perform(.lab(.start(lab: labId)), workingDirectory: catalog.folder)
            do {
                let progress = try LabProgressStore(workspace: session.workspace).load(labId)
                send(.labStarted(labId: labId, progress: progress, result: result))
            } catch {
                send(.problem("The progress of \(labId) could not be read: \(error)"))
            }
            pollJournal(session: session, send: send)
        case .watchTelemetry(let hub):
            watchTelemetry(hub: hub, session: session, send: send)
        case .listDevices:
            send(.devices(await Self.devicesAndSimulators(session)))
        case .saveProgress(let progress):
            do {
                try LabProgressStore(workspace: session.workspace).save(progress)
            } catch {
                send(.problem("Progress of \(progress.labId) was not saved: \(error)"))
            }
        case .loadTwin(let target):
            send(await Self.twin(target, in: await session.cloud))
        case .updateTwin(let target, let patch, let etag):
            send(await Self.updateTwin(target, patch: patch, etag: etag, in: await session.cloud))
        case .invokeMethod(let hub, let deviceId, let call):
            let cloud = await session.cloud
            Task { send(await Self.invokeMethod(call, hub: hub, deviceId: deviceId, in: cloud)) }
        case .sendCloudToDevice(let hub, let deviceId, let message):
            send(await Self.sendCloudToDevice(message, hub: hub, deviceId: deviceId, in: await session.cloud))
        case .loadRouteTester(let hub):
            send(.routeTester(await Self.routeTester(hub: hub, in: await session.cloud)))
        case .testRoute(let hub, let target, let message, let deviceId):
            send(await Self.testRoute(hub: hub, target: target, message: message, deviceId: deviceId, in: await session.cloud))
        case .resetChecks(let labId, let stepId):
            await cursors.reset(labId: labId, stepId: stepId)
        case .startSimulator, .startSimulatorTemplate, .stopSimulator:
            await carryOutSimulator(request, session: session, send: send)
        }
    }

    private func stopTelemetry() async {
        telemetryWatch?.cancel()
        await telemetryWatch?.value
    }

    /// Sends the events appended since the last poll, if any.
    private func pollJournal(session: WorkspaceSession, send: @Sendable (WorkbenchMessage) -> Void) {
        do {
            guard try session.workspace.lastJournalSequence() > lastSequence else { return }
            let records = try session.workspace.journal(after: lastSequence, limit: Self.pageSize)
            guard let last = records.last else { return }
            lastSequence = last.sequence
            send(.journal(records))
        } catch {
            send(.problem("The journal could not be read: \(error)"))
        }
    }

    /// Every hub's devices, hub by hub; a hub that cannot be opened is left out.
    static func devices(in cloud: LocalCloud) async -> [DeviceSummary] {
        var rows: [DeviceSummary] = []
        for hub in await cloud.hubs() {
            guard let engine = try? await cloud.engine(forHub: hub.name), let devices = try? await engine.devices() else { continue }
            rows += devices.map { device in
                DeviceSummary(
                    hub: hub.name, deviceId: device.deviceId, connected: device.connectionState == .connected,
                    enabled: device.status == .enabled, authentication: device.authentication.type.rawValue, isEdge: device.iotEdge,
                    lastActivity: device.lastActivityTime, cloudToDeviceQueued: device.cloudToDeviceMessageCount)
            }
        }
        return rows
    }

    /// What `iotlab info` prints about connecting (listeners, CA file, each device's connection
    /// string), and the control socket other shells' `iotlab az` reach this process through.
    static func connections(_ session: WorkspaceSession) async -> [String] {
        let report = await session.perform(.connections, workingDirectory: session.home.folder)
        return (report.standardOutput + report.standardError).split(separator: "\n").map(String.init)
            + ["control socket \(session.home.controlSocketURL.path)"]
    }
}
