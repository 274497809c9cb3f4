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
        print("iotlab \(IoTLabVersion.current) serving workspace \(home.folder.path)")
        print("control socket \(home.controlSocketURL.path); press Ctrl-C to stop")
        await Termination.wait()
        try await server.stop()
        print("stopped")
    }
}
