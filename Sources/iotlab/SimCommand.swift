import ArgumentParser
import IoTLabApp

struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim", abstract: "Run simulated devices in the process that holds the workspace.",
        discussion: """
            Definitions are JSON (docs/simulation.md); the labs' devices are in Content/simulations,
            e.g. lab04-cave-device and lab07-vibration-device.
            """,
        subcommands: [Start.self, Stop.self, List.self])

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start simulating a device.",
            discussion: """
                While 'iotlab serve' (or the workbench) holds the workspace, the device runs there. Otherwise
                this command holds it and prints what the device does until it finishes or Ctrl-C.
                """)

        @Argument(help: "A definition name from Content/simulations, or a JSON file.") var definition: String
        @Option(name: [.customShort("n"), .customLong("hub-name")], help: "The IoT hub.") var hub: String
        @Option(name: [.customShort("d"), .customLong("device-id")], help: "The device (default: the definition's).") var device: String?
        @Option(name: [.customShort("m"), .customLong("module-id")], help: "The module, to simulate a module.") var module: String?
        @Option(help: "Seed for the random values, for a repeatable run.") var seed: UInt64?

        func run() async throws {
            let operation = SimulationOperation.start(hub: hub, definition: definition, deviceId: device, moduleId: module, seed: seed)
            if let result = await ForegroundSimulation.run(
                operation, home: .current, workingDirectory: .currentDirectory, print: Output.live, interrupted: Termination.wait)
            {
                Output.emit(result)
            }
            Output.emit(await WorkspaceAccess.run(.simulation(operation), home: .current, workingDirectory: .currentDirectory))
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop simulating a device.")
        @Option(name: [.customShort("n"), .customLong("hub-name")], help: "The IoT hub.") var hub: String
        @Option(name: [.customShort("d"), .customLong("device-id")], help: "The device.") var device: String
        @Option(name: [.customShort("m"), .customLong("module-id")], help: "The module.") var module: String?

        func run() async throws {
            Output.emit(await WorkspaceAccess.run(
                .simulation(.stop(hub: hub, deviceId: device, moduleId: module)), home: .current, workingDirectory: .currentDirectory))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the simulated devices and what they have done.")
        @Option(name: [.customShort("n"), .customLong("hub-name")], help: "Only this hub's devices.") var hub: String?

        func run() async throws {
            Output.emit(await WorkspaceAccess.run(.simulation(.list(hub: hub)), home: .current, workingDirectory: .currentDirectory))
        }
    }
}
