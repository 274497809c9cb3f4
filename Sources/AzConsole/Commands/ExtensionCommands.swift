import JSONValue
import LocalCloud

/// `az extension ...`: the CLI extensions the labs install (`azure-iot`). The console has the
/// IoT commands built in, so adding one records it and succeeds quietly, as az does.
enum ExtensionCommands {
    static let groups = [GroupSpec("extension", summary: "Manage and update CLI extensions.")]

    static let name = FlagSpec(["--name", "-n"], required: true, help: "Name of extension.")

    static let commands = [
        CommandSpec(
            "extension add", summary: "Add an extension.",
            flags: [
                name,
                FlagSpec(["--upgrade"], .presence, help: "Update the extension if already installed."),
                FlagSpec(["--yes", "-y"], .presence, help: "Do not prompt for confirmation."),
            ]
        ) { context in
            _ = try await context.cloud.addExtension(name: try context.required(name.key))
            return nil
        },
        CommandSpec("extension update", summary: "Update an extension.", flags: [name]) { context in
            _ = try await context.cloud.addExtension(name: try context.required(name.key))
            return nil
        },
        CommandSpec("extension list", summary: "List the installed extensions.") { context in
            .array(await context.cloud.extensions().map(\.json))
        },
        CommandSpec("extension show", summary: "Show an extension.", flags: [name]) { context in
            let wanted = try context.required(name.key)
            guard let found = await context.cloud.extensions().first(where: { $0.name == wanted }) else {
                throw ConsoleError.invalidValue("The extension \(wanted) is not installed.")
            }
            return found.json
        },
    ]
}
