import ArgumentParser
import Foundation
import IoTLabApp
import WorkspaceStore

struct WorkspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Reset, export or import the whole workspace.",
        subcommands: [Reset.self, Export.self, Import.self])

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every resource, device and event in the workspace.")

        @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
        var yes = false

        func run() async throws {
            if !yes {
                Output.prompt("This deletes every hub, device, twin and event in \(WorkspaceHome.current.folder.path). Type 'yes' to continue: ")
                guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                    print("Nothing was changed.")
                    throw ExitCode(1)
                }
            }
            await perform(.reset)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a portable JSON snapshot of the workspace to FILE.")
        @Argument(help: "The file to write.") var file: String
        func run() async throws { await perform(.export(path: absolute(file))) }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the workspace with a snapshot read from FILE.")
        @Argument(help: "A file written by `iotlab workspace export`.") var file: String
        func run() async throws { await perform(.import(path: absolute(file))) }
    }
}

private func perform(_ operation: WorkspaceOperation) async {
    Output.emit(await WorkspaceAccess.run(operation, home: .current, workingDirectory: .currentDirectory))
}

private func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path, relativeTo: .currentDirectory).standardizedFileURL.path
}
