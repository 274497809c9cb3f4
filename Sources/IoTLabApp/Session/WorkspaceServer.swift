import ControlSocket
import Foundation
import LabCore
import WireProtocols
import WorkspaceStore

/// Holds a workspace for as long as it runs and answers operations forwarded from other shells:
/// the headless core of `iotlab serve` and, later, of the workbench.
public final class WorkspaceServer: Sendable {
    public let session: WorkspaceSession
    private let lock: WorkspaceLock
    private let control: ControlServer
    /// Timed work between commands (storage batches), cancelled by `stop`.
    private let backgroundWork: Task<Void, Never>

    private init(session: WorkspaceSession, lock: WorkspaceLock, control: ControlServer) {
        self.session = session
        self.lock = lock
        self.control = control
        backgroundWork = Task { await session.runBackgroundWork() }
    }

    /// Takes the workspace lock (failing if another iotlab serves it), opens the workspace, starts
    /// the front doors on `frontDoors` if given, and starts listening on its control socket (so a
    /// command that finds the socket also finds the front doors listening).
    /// `activity` hears what simulated devices running here do (the holder prints it).
    public static func start(
        home: WorkspaceHome, clock: (any AdvancingClock)? = nil, activity: (@Sendable (String) -> Void)? = nil,
        frontDoors: FrontDoorPorts? = nil
    ) async throws -> WorkspaceServer {
        try home.createIfNeeded()
        guard let lock = try WorkspaceLock.tryAcquire(home) else {
            throw ServeError.workspaceHeld(folder: home.folder.path)
        }
        var openedSession: WorkspaceSession?
        do {
            let session = try WorkspaceSession(home: home, clock: clock, activity: activity)
            openedSession = session
            if let frontDoors {
                _ = try await session.startFrontDoors(ports: frontDoors)
            }
            let control = try await ControlServer.start(socketPath: home.controlSocketURL.path) { request, printed in
                guard let operation = WorkspaceOperation(arguments: request.arguments) else {
                    return ControlResponse(
                        standardOutput: "",
                        standardError: "iotlab: this process cannot run '\(request.arguments.joined(separator: " "))' for another shell\n",
                        exitCode: 2)
                }
                let output = await session.perform(
                    operation, workingDirectory: URL(fileURLWithPath: request.workingDirectory),
                    standardInput: request.standardInput, lineSink: { printed.write($0) })
                return ControlResponse(standardOutput: output.standardOutput, standardError: output.standardError, exitCode: output.exitCode)
            }
            return WorkspaceServer(session: session, lock: lock, control: control)
        } catch {
            if let session = openedSession { try? await session.stopFrontDoors() }
            lock.release()
            throw error
        }
    }

    /// Stops answering and lets other processes open the workspace.
    public func stop() async throws {
        backgroundWork.cancel()
        await backgroundWork.value
        await session.stopAllSimulations()
        try await session.stopFrontDoors()
        try await control.stop()
        lock.release()
    }
}

/// Why `iotlab serve` could not start.
public enum ServeError: Error, CustomStringConvertible {
    case workspaceHeld(folder: String)

    public var description: String {
        switch self {
        case .workspaceHeld(let folder):
            "Another iotlab process already serves the workspace \(folder). Stop it first, or set IOTLAB_HOME to use another workspace."
        }
    }
}
