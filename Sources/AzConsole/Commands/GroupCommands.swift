import JSONValue
import LocalCloud

/// `az group ...`: resource groups of the local subscription.
enum GroupCommands {
    static let name = FlagSpec(["--name", "-n", "--resource-group", "-g"], required: true, help: "Name of resource group.")

    static let groups = [GroupSpec("group", summary: "Manage resource groups and template deployments.")]

    static let commands = [
        CommandSpec(
            "group create", summary: "Create a new resource group.",
            flags: [
                name,
                FlagSpec(["--location", "-l"], required: true, help: "Location. Values from: `az account list-locations`."),
                FlagSpec(["--tags"], .list, help: "Space-separated tags: key[=value] [key[=value] ...]."),
            ]
        ) { context in
            let tags = Tags.parse(context.arguments.list("tags"))
            return try await context.cloud.createResourceGroup(
                name: try context.required(name.key), location: try context.required("location"), tags: tags
            ).json(in: context.cloud.subscription)
        },
        CommandSpec(
            "group exists", summary: "Check if a resource group exists.", flags: [name]
        ) { context in
            .bool(await context.cloud.resourceGroupExists(try context.required(name.key)))
        },
        CommandSpec("group show", summary: "Gets a resource group.", flags: [name], tableTransformer: tableRow) { context in
            try await context.cloud.resourceGroup(named: try context.required(name.key)).json(in: context.cloud.subscription)
        },
        CommandSpec("group list", summary: "List resource groups.", tableTransformer: tableRows) { context in
            .array(await context.cloud.resourceGroups().map { $0.json(in: context.cloud.subscription) })
        },
        CommandSpec(
            "group delete", summary: "Delete a resource group.",
            flags: [
                name,
                FlagSpec(["--yes", "-y"], .presence, help: "Do not prompt for confirmation."),
                FlagSpec(["--no-wait"], .presence, help: "Do not wait for the long-running operation to finish."),
            ]
        ) { context in
            try await context.cloud.deleteResourceGroup(named: try context.required(name.key))
            return nil
        },
    ]
}

extension GroupCommands {
    /// az's table for resource groups: Name, Location and Status (the provisioning state).
    @Sendable static func tableRow(_ group: JSONValue) -> JSONValue {
        [
            "Name": group["name"] ?? .null, "Location": group["location"] ?? .null,
            "Status": group[path: ["properties", "provisioningState"]] ?? .null,
        ]
    }

    @Sendable static func tableRows(_ groups: JSONValue) -> JSONValue {
        .array((groups.arrayValue ?? []).map(tableRow))
    }
}
