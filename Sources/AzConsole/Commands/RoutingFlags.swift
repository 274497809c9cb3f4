import HubEngine
import LocalCloud

/// Flags and lookups shared by `iot hub routing-endpoint`, `route`, `message-route` and
/// `message-enrichment`, with the core azure-cli's names.
enum RoutingFlags {
    static let hubName = FlagSpec(["--hub-name", "--hn"], required: true, help: "IoT Hub name.")
    static let sourceChoices = RoutingSource.allCases.map(\.rawValue)

    /// The hub named by `--hub-name` (and `--resource-group` when given).
    static func hub(_ context: CommandContext) async throws -> HubResource {
        try await context.cloud.hub(named: try context.required(hubName.key), resourceGroup: context.arguments.string("resource-group"))
    }

    /// Applies `change` to the routing of the `--hub-name` hub; the result is the hub, as az
    /// prints the hub an ARM update returns.
    static func update(
        _ context: CommandContext, _ change: @escaping @Sendable (inout RoutingConfiguration) throws(CloudError) -> Void
    ) async throws -> HubResource {
        try await context.cloud.updateRouting(
            hubName: try context.required(hubName.key), resourceGroup: context.arguments.string("resource-group"), change)
    }
}
