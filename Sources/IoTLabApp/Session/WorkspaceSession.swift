import AzConsole
import DeviceSimulation
import Foundation
import HubEngine
import LabCore
import LocalCloud
import WireProtocols
import WorkspaceStore

/// The open workspace of the process that holds it: its database and the local cloud over it.
///
/// Every workspace operation runs here, whether typed in this process or forwarded from another
/// shell, so the live hub sees each change at once.
public actor WorkspaceSession {
    public nonisolated let home: WorkspaceHome
    public nonisolated let workspace: Workspace
    /// Lab time: real time plus the workspace's stored offset, unless a test injected its own clock.
    public nonisolated let clock: any AdvancingClock
    public private(set) var cloud: LocalCloud
    /// Where storage container endpoints write their blobs (`$IOTLAB_HOME/blobs`).
    nonisolated let blobStore: FileBlobStore
    /// Seconds `iotlab clock advance` has moved this workspace's clock, as stored.
    private var clockOffset: TimeInterval
    /// The simulated devices running in this process, by hub.
    var simulationRunners: [String: SimulationRunner] = [:]
    /// Where lines about what simulated devices do go: the holding process's terminal.
    nonisolated let activity: (@Sendable (String) -> Void)?
    /// The network listeners serving `cloud` in this process, and the clock their tokens are
    /// checked against (`iotlab serve` starts them; one-shot commands do not).
    var frontDoors: (doors: FrontDoors, tokenClock: any LabClock)?

    /// Opens the workspace in `home`; `clock` defaults to real time ahead by the stored offset;
    /// `activity` hears what simulated devices started here do.
    public init(home: WorkspaceHome, clock: (any AdvancingClock)? = nil, activity: (@Sendable (String) -> Void)? = nil) throws {
        try home.createIfNeeded()
        self.home = home
        self.activity = activity
        blobStore = FileBlobStore(root: home.blobsFolder)
        workspace = try Workspace(fileURL: home.databaseURL)
        let storedOffset = try WorkspaceClockOffset.load(from: workspace)
        clockOffset = storedOffset
        self.clock = clock ?? OffsetClock(offset: storedOffset)
        cloud = try LocalCloud(workspace: workspace, clock: self.clock)
    }

    /// Runs one operation and returns what it printed; never throws, as a CLI prints its errors.
    /// `lineSink` receives what long-running commands print as they print it.
    public func perform(
        _ operation: WorkspaceOperation, workingDirectory: URL, standardInput: String? = nil,
        lineSink: (@Sendable (String) -> Void)? = nil
    ) async -> ConsoleResult {
        switch operation {
        case .az(let arguments):
            return await AzConsole(cloud: cloud).run(
                arguments, workingDirectory: workingDirectory, standardInput: standardInput, lineSink: lineSink)
        case .reset:
            return await reloading("Workspace reset: every hub, device and event was removed.\n") {
                try workspace.erase()
            }
        case .export(let path):
            do {
                let snapshot = try WorkspaceSnapshot.capture(from: workspace, at: clock.now())
                try snapshot.write(to: URL(fileURLWithPath: path))
                return .success("Exported \(snapshot.records.count) records and \(snapshot.journal.count) events to \(path)\n")
            } catch {
                return .failure("Export failed: \(error)")
            }
        case .import(let path):
            let snapshot: WorkspaceSnapshot
            do {
                snapshot = try WorkspaceSnapshot.read(from: URL(fileURLWithPath: path))
            } catch {
                return .failure("Import failed, nothing was changed: \(error)")
            }
            return await reloading("Imported \(snapshot.records.count) records and \(snapshot.journal.count) events from \(path)\n") {
                try workspace.replaceAll(records: snapshot.records, journal: snapshot.journal)
            }
        case .simulation(let simulation):
            return await perform(simulation, workingDirectory: workingDirectory)
        case .lab(let lab):
            return await perform(lab, workingDirectory: workingDirectory)
        case .readEndpoint(let hub, let endpoint, let group, let limit, let json):
            do {
                let read = EndpointRead(hubName: hub, endpoint: endpoint, consumerGroup: group, limit: limit, json: json)
                return .success(try await read.run(in: cloud, blobs: home.blobsFolder))
            } catch {
                return .failure("\(error)")
            }
        case .metrics(let hubName, let json):
            do {
                let snapshot = try await cloud.engine(forHub: hubName).metricsSnapshot
                return .success(json ? HubMetricsReport.json(hub: hubName, snapshot) : HubMetricsReport.text(hub: hubName, snapshot))
            } catch {
                return .failure("\(error)")
            }
        case .connections:
            do {
                let caFile = home.tlsFolder.appendingPathComponent("ca.pem")
                return .success(try await ConnectionReport.collect(cloud: cloud, endpoints: frontDoorEndpoints, caFile: caFile).text)
            } catch {
                return .failure("\(error)")
            }
        case .exportCertificateAuthority(let path):
            do {
                return .success(try CertificateAuthorityExport.export(
                    home: home, hubNames: await cloud.hubs().map(\.name),
                    provisioningHostNames: await cloud.provisioningServices().map(\.serviceHostName), listenHost: frontDoorEndpoints?.host,
                    to: URL(fileURLWithPath: path), now: Date()))
            } catch {
                return .failure("The CA certificate was not exported: \(error)")
            }
        case .showClock:
            return .success(clockReport())
        case .advanceClock(let duration):
            do {
                try WorkspaceClockOffset.save(clockOffset + duration.seconds, to: workspace)
            } catch {
                return .failure("The clock was not moved: \(error)")
            }
            clockOffset += duration.seconds
            clock.advance(by: duration.seconds)
            return .success("Advanced the clock by \(duration).\n" + clockReport())
        }
    }

    /// Lab time, and how far it runs ahead of real time.
    private func clockReport() -> String {
        let ahead = clockOffset > 0 ? " (real time + \(LabDuration(seconds: clockOffset)))" : " (real time)"
        return "Lab time: \(AzureTimestamp.string(clock.now()))\(ahead)\n"
    }

    /// Applies a whole-workspace change, then rebuilds the cloud from what is now stored.
    private func reloading(_ success: String, _ change: () throws -> Void) async -> ConsoleResult {
        // Simulated devices belong to the hubs about to be replaced.
        await stopAllSimulations()
        do {
            try change()
        } catch {
            return .failure("Nothing was changed: \(error)")
        }
        do {
            // Lab time never goes back: a reset or import keeps the clock where it is.
            try WorkspaceClockOffset.save(clockOffset, to: workspace)
        } catch {
            return .failure("The workspace changed but its lab time could not be kept: \(error)")
        }
        do {
            cloud = try LocalCloud(workspace: workspace, clock: clock)
        } catch {
            return .failure("The workspace changed but could not be reopened: \(error)")
        }
        do {
            try await restartFrontDoors()
        } catch {
            return .failure("The workspace changed but the front doors could not start again: \(error)")
        }
        return .success(success)
    }
}
