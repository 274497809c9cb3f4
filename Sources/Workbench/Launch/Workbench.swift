import Courseware
import Foundation
import IoTLabApp
import LabCore
import TerminalUI
import WireProtocols
import WorkspaceStore

/// `iotlab` with no arguments: the full-screen workbench over a workspace it holds the way
/// `iotlab serve` does (lock, control socket, front doors), so `iotlab az` in another shell
/// acts through it and the learner's own SDK code connects to it.
///
/// The first frame is drawn before the workspace is opened (opening may generate TLS
/// certificates): the course map appears at once and fills in when the workspace is ready.
public enum Workbench {
    /// Runs until the learner quits (`mouse: false` is `--no-mouse`); returns an error message when the workspace could not be
    /// held (shown on the screen while it runs, and returned so the shell sees it too).
    public static func run(
        home: WorkspaceHome, mouse: Bool = true, frontDoors: FrontDoorPorts,
        environment: [String: String] = ProcessInfo.processInfo.environment, startedAt: ContinuousClock.Instant = .now
    ) async throws -> String? {
        try home.createIfNeeded()
        let log = WorkbenchLog(file: home.folder.appendingPathComponent("workbench.log"))
        log.write("workbench starting on \(home.folder.path)")
        let catalog = LabCatalog(folder: LabsFolder.locate(environment: environment))
        let services = WorkbenchServices(catalog: catalog)
        let app = WorkbenchApp(
            catalog: catalog, theme: Theme.forEnvironment(environment), clock: SystemClock(), request: { services.request($0) })
        return try await CursesTerminal.withTerminal(
            options: TerminalOptions.from(environment: environment, mouse: mouse), environment: environment) { curses in
            let terminal = FirstFrameTerminal(curses) {
                let elapsed = ContinuousClock.now - startedAt
                log.write("first frame after \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms")
            }
            let loop = FrameLoop(app: app, terminal: terminal, clock: SystemClock())
            let holder = Task { () -> (server: WorkspaceServer?, problem: String?) in
                do {
                    let server = try await WorkspaceServer.start(home: home, activity: { log.write($0) })
                    do {
                        _ = try await server.session.startFrontDoors(ports: frontDoors)
                    } catch {
                        log.write("front doors not started: \(error)")
                    }
                    log.write("holding the workspace; control socket \(home.controlSocketURL.path)")
                    return (server, nil)
                } catch {
                    log.write("cannot hold the workspace: \(error)")
                    loop.send(.openFailed("\(error)"))
                    return (nil, "\(error)")
                }
            }
            let serving = Task {
                guard let server = await holder.value.server else { return }
                await services.serve(session: server.session) { loop.send($0) }
            }
            // The loop runs at a higher priority than the hub's work in this process (ingest,
            // monitor-events), which shares the same cooperative threads: a keypress is drawn
            // before the queued telemetry work, not after it.
            _ = await Task(priority: .high) { await loop.run() }.value
            // What the learner did last (a progress save) is carried out before the workspace closes.
            services.finish()
            await serving.value
            let (server, problem) = await holder.value
            if let server { try await server.stop() }
            log.write("workbench stopped")
            return problem
        }
    }
}
