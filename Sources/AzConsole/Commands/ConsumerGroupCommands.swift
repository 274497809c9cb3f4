import JSONValue
import LocalCloud

/// `az iot hub consumer-group create|list|show|delete`: consumer groups of the hub's built-in
/// Event Hub-compatible endpoint (core azure-cli commands, Resource Manager shapes).
enum ConsumerGroupCommands {
    static let hubName = FlagSpec(["--hub-name"], required: true, help: "IoT Hub name.")
    static let name = FlagSpec(["--name", "-n"], required: true, help: "Event hub consumer group name.")
    static let eventHubName = FlagSpec(["--event-hub-name", "-e"], default: "events", help: "Event hub endpoint name.")

    static let groups = [GroupSpec("iot hub consumer-group", summary: "Manage the event hub consumer groups of an IoT hub.")]

    static let commands = [
        CommandSpec(
            "iot hub consumer-group create", summary: "Create an event hub consumer group.",
            flags: [hubName, name, eventHubName, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group, endpoint) = try names(context)
            let created = try await context.cloud.createConsumerGroup(hubName: hub, resourceGroup: group, eventHubName: endpoint, name: try context.required(name.key))
            return try await show(created, hubName: hub, context: context)
        },
        CommandSpec(
            "iot hub consumer-group list", summary: "List event hub consumer groups.",
            flags: [hubName, eventHubName, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group, endpoint) = try names(context)
            let resource = try await context.cloud.hub(named: hub, resourceGroup: group)
            return .array(try await context.cloud.consumerGroups(hubName: hub, resourceGroup: group, eventHubName: endpoint).map {
                $0.json(hub: resource, in: context.cloud.subscription)
            })
        },
        CommandSpec(
            "iot hub consumer-group show", summary: "Get the details for an event hub consumer group.",
            flags: [hubName, name, eventHubName, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group, endpoint) = try names(context)
            let found = try await context.cloud.consumerGroup(hubName: hub, resourceGroup: group, eventHubName: endpoint, name: try context.required(name.key))
            return try await show(found, hubName: hub, context: context)
        },
        CommandSpec(
            "iot hub consumer-group delete", summary: "Delete an event hub consumer group.",
            flags: [hubName, name, eventHubName, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group, endpoint) = try names(context)
            try await context.cloud.deleteConsumerGroup(hubName: hub, resourceGroup: group, eventHubName: endpoint, name: try context.required(name.key))
            return nil
        },
    ]

    private static func names(_ context: CommandContext) throws -> (hub: String, group: String?, endpoint: String) {
        (try context.required(hubName.key), context.arguments.string(CommonFlags.resourceGroup.key), context.arguments.string(eventHubName.key) ?? "events")
    }

    private static func show(_ group: ConsumerGroup, hubName: String, context: CommandContext) async throws -> JSONValue {
        group.json(hub: try await context.cloud.hub(named: hubName), in: context.cloud.subscription)
    }
}
