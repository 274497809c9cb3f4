import AzConsole
import Foundation
import WorkspaceStore

/// `iotlab sim start` when no iotlab holds the workspace: this process becomes the holder (as
/// `iotlab serve` would), starts the device and prints what it does until it finishes or the
/// learner presses Ctrl-C. Meanwhile `iotlab az` in other shells acts through it, so a learner
/// can invoke the simulated device's methods or send it C2D messages from another terminal.
public enum ForegroundSimulation {
    /// Runs `start` here, or returns `nil` when another process holds the workspace (the caller
    /// then forwards it there). `print` receives every line; `interrupted` returns on Ctrl-C.
    public static func run(
        _ start: SimulationOperation, home: WorkspaceHome, workingDirectory: URL,
        print: @escaping @Sendable (String) -> Void, interrupted: @escaping @Sendable () async -> Void
    ) async -> ConsoleResult? {
        let server: WorkspaceServer
        do {
            server = try await WorkspaceServer.start(home: home, activity: print)
        } catch is ServeError {
            return nil
        } catch {
            return .failure("Cannot open the workspace \(home.folder.path): \(error)")
        }
        let started = await server.session.perform(.simulation(start), workingDirectory: workingDirectory)
        if started.exitCode == 0 {
            print(started.standardOutput)
            print("Press Ctrl-C to stop; meanwhile iotlab az commands in other shells act through this process.\n")
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await server.session.waitUntilSimulationsEnd() }
                group.addTask { await interrupted() }
                await group.next()
                group.cancelAll()
            }
        }
        do {
            try await server.stop()
        } catch {
            return .failure("The simulation ended but the workspace did not close cleanly: \(error)")
        }
        return started.exitCode == 0 ? .success("") : started
    }
}
