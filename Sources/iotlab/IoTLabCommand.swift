import ArgumentParser
import AzConsole
import Foundation
import IoTLabApp
import WireProtocols
import Workbench
import WorkspaceStore

/// `iotlab`: parses arguments and hands over to IoTLabApp; no logic lives here.
@main
struct IoTLabCommand: AsyncParsableCommand {
    /// When the process started, for the workbench's start-to-first-frame measurement.
    static let startedAt = ContinuousClock.now

    static let configuration = CommandConfiguration(
        commandName: "iotlab",
        abstract: "An offline Azure IoT lab: a local IoT Hub emulation with guided AZ-220 labs.",
        discussion: """
            With no arguments, iotlab opens the workbench: the guided labs beside a live hub.
            The workspace lives in $IOTLAB_HOME (default ~/.local/share/iotlab).
            Examples:
              iotlab az iot hub create --name my-hub
              iotlab az iot hub device-identity create -n my-hub -d sensor-1
              iotlab az iot hub query -n my-hub -q "SELECT * FROM devices"
            """,
        version: IoTLabVersion.current,
        subcommands: [
            WorkbenchCommand.self, AzCommand.self, InfoCommand.self, ServeCommand.self, CertificateAuthorityCommand.self, PKICommand.self, EventsCommand.self, WorkspaceCommand.self, ClockCommand.self, MetricsCommand.self, EndpointCommand.self, SimCommand.self, BenchCommand.self, LabCommand.self, TPMCommand.self,
        ],
        defaultSubcommand: WorkbenchCommand.self)

    /// `iotlab az ...` belongs wholly to the az console (its own flags and help), so it is routed
    /// before argument parsing sees it.
    static func main() async {
        _ = startedAt
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "az", AzConsole.isWatching(Array(arguments.dropFirst())) {
            Output.emit(
                await WorkspaceAccess.watch(
                    Array(arguments.dropFirst()), home: .current, workingDirectory: .currentDirectory, lineSink: Output.live))
        }
        if arguments.first == "az" {
            let output = await WorkspaceAccess.run(
                .az(arguments: Array(arguments.dropFirst())), home: .current,
                workingDirectory: .currentDirectory, standardInput: StandardInput.readIfPiped(), lineSink: Output.live)
            Output.emit(output)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// `iotlab` with no arguments (or `iotlab workbench`): the full-screen workbench, holding the
/// workspace with its front doors as `iotlab serve` does.
struct WorkbenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Open the full-screen workbench (what iotlab with no arguments does): labs, checks, console, events.")

    @Flag(help: "Do not capture the mouse (lets the terminal select text).")
    var noMouse = false
    @Option(help: "The MQTT over TLS port of the front doors; 0 picks a free port.")
    var mqttPort = FrontDoorPorts().mqtt
    @Option(help: "The HTTPS port of the front doors; 0 picks a free port.")
    var httpsPort = FrontDoorPorts().https

    func run() async throws {
        let problem = try await Workbench.run(
            home: .current, mouse: !noMouse, frontDoors: FrontDoorPorts(mqtt: mqttPort, https: httpsPort), startedAt: IoTLabCommand.startedAt)
        // Shown on the screen while it ran; printed again for the shell once curses has let go.
        if let problem { Output.emit(ConsoleResult(standardOutput: "", standardError: problem + "\n", exitCode: 1)) }
    }
}

struct AzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "az",
        abstract: "Run an az CLI command against the local cloud (try: iotlab az --help).")

    @Argument(parsing: .captureForPassthrough, help: "The az command line, e.g. iot hub list.")
    var arguments: [String] = []
}

struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the workspace folder, database file, what holds it, versions, and how your own code connects.")

    func run() async throws {
        // Unbuffered like what follows, so the two parts stay in order.
        Output.live(try await WorkspaceInfo(home: .current).report() + "\n")
        Output.emit(await WorkspaceAccess.run(.connections, home: .current, workingDirectory: .currentDirectory))
    }
}

extension WorkspaceHome {
    static var current: WorkspaceHome { WorkspaceHome(environment: ProcessInfo.processInfo.environment) }
}

extension URL {
    static var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
}
