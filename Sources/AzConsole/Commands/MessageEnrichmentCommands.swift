import HubEngine
import JSONValue
import LocalCloud

/// `az iot hub message-enrichment create|list|update|delete` (core azure-cli).
enum MessageEnrichmentCommands {
    static let groups = [GroupSpec("iot hub message-enrichment", summary: "Manage message enrichments for endpoints of an IoT Hub.")]

    static let hubName = FlagSpec(["--name", "-n"], required: true, help: "IoT Hub name.")
    static let key = FlagSpec(["--key", "-k"], required: true, help: "The enrichment's key.")
    static let value = FlagSpec(["--value", "-v"], required: true, help: "The enrichment's value.")
    static let endpoints = FlagSpec(
        ["--endpoints", "-e"], .list, required: true, help: "Endpoint(s) to apply enrichments to. Use a space-separated list for multiple endpoints.")

    static let commands = [
        CommandSpec(
            "iot hub message-enrichment create", summary: "Create a message enrichment for chosen endpoints in your IoT Hub.",
            flags: [hubName, CommonFlags.resourceGroup, key, value, endpoints]
        ) { context in
            let enrichment = MessageEnrichment(
                key: try context.required(key.key), value: try context.required(value.key), endpointNames: context.arguments.list(endpoints.key))
            return try await update(context) { $0.enrichments.append(enrichment) }
        },
        CommandSpec(
            "iot hub message-enrichment list", summary: "Get information on all message enrichments for your IoT Hub.",
            flags: [hubName, CommonFlags.resourceGroup]
        ) { context in
            let hub = try await context.cloud.hub(named: try context.required(hubName.key), resourceGroup: context.arguments.string("resource-group"))
            return .array(hub.routing.enrichments.map(\.json))
        },
        CommandSpec(
            "iot hub message-enrichment update", summary: "Update a message enrichment in your IoT hub (by key).",
            flags: [hubName, CommonFlags.resourceGroup, key, value, endpoints]
        ) { context in
            let enrichment = MessageEnrichment(
                key: try context.required(key.key), value: try context.required(value.key), endpointNames: context.arguments.list(endpoints.key))
            try await requireExisting(context, key: enrichment.key)
            return try await update(context) { routing in
                routing.enrichments = routing.enrichments.map { $0.key == enrichment.key ? enrichment : $0 }
            }
        },
        CommandSpec(
            "iot hub message-enrichment delete", summary: "Delete a message enrichment in your IoT hub (by key).",
            flags: [hubName, CommonFlags.resourceGroup, key]
        ) { context in
            let removed = try context.required(key.key)
            try await requireExisting(context, key: removed)
            return try await update(context) { $0.enrichments.removeAll { $0.key == removed } }
        },
    ]

    private static func update(
        _ context: CommandContext, _ change: @escaping @Sendable (inout RoutingConfiguration) throws(CloudError) -> Void
    ) async throws -> JSONValue {
        try await context.cloud.updateRouting(
            hubName: try context.required(hubName.key), resourceGroup: context.arguments.string("resource-group"), change
        ).json(in: context.cloud.subscription)
    }

    /// az matches the key exactly and says so when none has it.
    private static func requireExisting(_ context: CommandContext, key: String) async throws {
        let hub = try await context.cloud.hub(named: try context.required(hubName.key), resourceGroup: context.arguments.string("resource-group"))
        guard hub.routing.enrichments.contains(where: { $0.key == key }) else {
            throw ConsoleError.invalidValue("No message enrichment with that key exists")
        }
    }
}
