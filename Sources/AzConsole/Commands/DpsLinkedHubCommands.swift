import JSONValue
import LocalCloud

/// `az iot dps linked-hub create|list|show|update|delete`: the hubs a DPS assigns devices to, in
/// the forms the lab setup scripts use (`--connection-string CS --location L`).
enum DpsLinkedHubCommands {
    static let linkedHub = FlagSpec(["--linked-hub", "--lh"], required: true, help: "Host name of linked IoT Hub.")
    static let allocationWeight = FlagSpec(
        ["--allocation-weight", "--aw"], .integer(), help: "Allocation weight of the IoT hub (0 to 1000).")
    static let applyAllocationPolicy = FlagSpec(
        ["--apply-allocation-policy", "--ap"], .boolean, help: "Whether to apply allocation policy to the IoT hub.")

    static let groups = [GroupSpec("iot dps linked-hub", summary: "Manage linked IoT Hubs in an Azure IoT Hub Device Provisioning Service instance.")]

    static let commands = [
        CommandSpec(
            "iot dps linked-hub create", summary: "Create a linked IoT hub in an Azure IoT Hub Device Provisioning Service instance.",
            details: "--connection-string is a hub policy's connection string (az iot hub connection-string show); --hub-name links a hub of the local cloud by name instead.",
            flags: [
                DpsFlags.dpsNameOnly, CommonFlags.resourceGroup,
                FlagSpec(["--connection-string", "--cs"], help: "Connection string of the IoT hub. Required if --hub-name is not given."),
                FlagSpec(["--hub-name", "--hn"], help: "IoT Hub name; its iothubowner connection string is used."),
                FlagSpec(["--hub-resource-group", "--hrg"], help: "IoT Hub resource group, with --hub-name."),
                FlagSpec(["--location", "-l"], help: "Location of the IoT hub. Default is the hub's location."),
                allocationWeight, applyAllocationPolicy,
            ]
        ) { context in
            let dps = try await DpsCommands.service(context, flag: DpsFlags.dpsNameOnly)
            let connectionString: String
            if let given = context.arguments.string("connection-string") {
                connectionString = given
            } else if let hubName = context.arguments.string("hub-name") {
                connectionString = try await context.cloud.hub(named: hubName, resourceGroup: context.arguments.string("hub-resource-group"))
                    .connectionString(policyName: "iothubowner", keyType: .primary)
            } else {
                throw ConsoleError.usage("Please provide the IoT Hub connection string (--connection-string) or name (--hub-name).")
            }
            _ = try await context.cloud.linkHub(
                toProvisioningService: dps.name, resourceGroup: dps.resourceGroup, connectionString: connectionString,
                location: context.arguments.string("location"), allocationWeight: context.arguments.integer(allocationWeight.key),
                applyAllocationPolicy: context.arguments.boolean(applyAllocationPolicy.key))
            return try await linkedHubs(context)
        },
        CommandSpec(
            "iot dps linked-hub list", summary: "List all linked IoT hubs in an Azure IoT Hub Device Provisioning Service instance.",
            flags: [DpsFlags.dpsNameOnly, CommonFlags.resourceGroup]
        ) { context in
            try await linkedHubs(context)
        },
        CommandSpec(
            "iot dps linked-hub show", summary: "Show details of a linked IoT hub in an Azure IoT Hub Device Provisioning Service instance.",
            flags: [DpsFlags.dpsNameOnly, linkedHub, CommonFlags.resourceGroup]
        ) { context in
            let dps = try await DpsCommands.service(context, flag: DpsFlags.dpsNameOnly)
            return try await context.cloud.linkedHub(
                try context.required(linkedHub.key), ofProvisioningService: dps.name, resourceGroup: dps.resourceGroup
            ).json
        },
        CommandSpec(
            "iot dps linked-hub update", summary: "Update a linked IoT hub in an Azure IoT Hub Device Provisioning Service instance.",
            flags: [DpsFlags.dpsNameOnly, linkedHub, CommonFlags.resourceGroup, allocationWeight, applyAllocationPolicy]
        ) { context in
            let dps = try await DpsCommands.service(context, flag: DpsFlags.dpsNameOnly)
            return try await context.cloud.updateLinkedHub(
                try context.required(linkedHub.key), ofProvisioningService: dps.name, resourceGroup: dps.resourceGroup,
                allocationWeight: context.arguments.integer(allocationWeight.key),
                applyAllocationPolicy: context.arguments.boolean(applyAllocationPolicy.key)
            ).json
        },
        CommandSpec(
            "iot dps linked-hub delete", summary: "Delete a linked IoT hub in an Azure IoT Hub Device Provisioning Service instance.",
            details: "The hub's devices stay in it, as in Azure.",
            flags: [DpsFlags.dpsNameOnly, linkedHub, CommonFlags.resourceGroup]
        ) { context in
            let dps = try await DpsCommands.service(context, flag: DpsFlags.dpsNameOnly)
            try await context.cloud.unlinkHub(try context.required(linkedHub.key), fromProvisioningService: dps.name, resourceGroup: dps.resourceGroup)
            return try await linkedHubs(context)
        },
    ]

    /// The DPS's linked hubs (its `iotHubs` list), which az prints after a create or delete too.
    private static func linkedHubs(_ context: CommandContext) async throws -> JSONValue {
        .array(try await DpsCommands.service(context, flag: DpsFlags.dpsNameOnly).linkedHubs.map(\.json))
    }
}
