import ArgumentParser
import Foundation
import IoTLabApp
import LabCore
import WorkspaceStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Hold the workspace and run the local cloud headless until interrupted.",
        discussion: "While it runs, `iotlab az ...` in other shells acts through this process.")

    func run() async throws {
        let home = WorkspaceHome.current
        let server = try await WorkspaceServer.start(home: home, activity: Output.live)
        // Written unbuffered, like the simulated devices' activity, so the lines stay in order.
        Output.live("iotlab \(IoTLabVersion.current) serving workspace \(home.folder.path)\n")
        Output.live("control socket \(home.controlSocketURL.path); press Ctrl-C to stop\n")
        await Termination.wait()
        try await server.stop()
        Output.live("stopped\n")
    }
}
