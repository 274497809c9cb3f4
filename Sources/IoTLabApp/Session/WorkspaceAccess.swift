import AzConsole
import ControlSocket
import Foundation
import LabCore
import WorkspaceStore

/// Runs a workspace operation where the workspace lives: in this process when no other iotlab
/// holds it, otherwise in the holder, through its control socket.
///
/// Two processes never write the same workspace: the holder keeps an exclusive lock for its
/// lifetime; a one-shot command takes the lock only while it runs. A holder that is still
/// starting (lock taken, socket not yet listening) is waited for rather than bypassed.
public enum WorkspaceAccess {
    /// How long a command waits for a busy workspace before giving up.
    static let patience: Duration = .seconds(30)
    static let retryInterval: Duration = .milliseconds(100)

    public static func run(
        _ operation: WorkspaceOperation, home: WorkspaceHome, workingDirectory: URL,
        standardInput: String? = nil, clock: (any AdvancingClock)? = nil, lineSink: (@Sendable (String) -> Void)? = nil
    ) async -> ConsoleResult {
        do {
            try home.createIfNeeded()
        } catch {
            return .failure("Cannot create the workspace folder \(home.folder.path): \(error)")
        }
        let request = ControlRequest(arguments: operation.arguments, workingDirectory: workingDirectory.path, standardInput: standardInput)
        let deadline = ContinuousClock.now.advanced(by: patience)
        while ContinuousClock.now < deadline {
            do {
                if let lock = try WorkspaceLock.tryAcquire(home) {
                    defer { lock.release() }
                    let session = try WorkspaceSession(home: home, clock: clock)
                    let result = await session.perform(
                        operation, workingDirectory: workingDirectory, standardInput: standardInput, lineSink: lineSink)
                    await session.flushDueStorageBatches(afterClockMoved: operation.movesClock)
                    return result
                }
                if let response = try await ControlClient.send(request, socketPath: home.controlSocketURL.path, output: lineSink) {
                    return ConsoleResult(standardOutput: response.standardOutput, standardError: response.standardError, exitCode: response.exitCode)
                }
            } catch {
                return .failure("Cannot open the workspace \(home.folder.path): \(error)")
            }
            try? await Task.sleep(for: retryInterval)
        }
        return .failure("The workspace \(home.folder.path) is held by another iotlab process that does not answer on \(home.controlSocketURL.path); try again when it has finished.")
    }

    /// Runs an az command that only reads and runs until stopped (`AzConsole.isWatching`) here,
    /// without taking the workspace: it watches what the holder (or one-shot commands in other
    /// shells) write, through SQLite's concurrent readers, and hands its output to `lineSink`
    /// as it prints it.
    public static func watch(
        _ arguments: [String], home: WorkspaceHome, workingDirectory: URL, lineSink: @escaping @Sendable (String) -> Void
    ) async -> ConsoleResult {
        do {
            let session = try WorkspaceSession(home: home)
            return await session.perform(.az(arguments: arguments), workingDirectory: workingDirectory, lineSink: lineSink)
        } catch {
            return .failure("Cannot open the workspace \(home.folder.path): \(error)")
        }
    }
}
