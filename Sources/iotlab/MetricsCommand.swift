import ArgumentParser
import IoTLabApp

struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Show a hub's metrics under Azure Monitor's names (d2c.telemetry.ingress.allProtocol, connectedDeviceCount, ...).")

    @Option(name: [.customShort("n"), .customLong("hub-name")], help: "The IoT hub.")
    var hub: String

    @Option(name: [.short, .long], help: "text or json.")
    var output: MetricsFormat = .text

    enum MetricsFormat: String, ExpressibleByArgument {
        case text, json
    }

    func run() async throws {
        Output.emit(await WorkspaceAccess.run(.metrics(hub: hub, json: output == .json), home: .current, workingDirectory: .currentDirectory))
    }
}
