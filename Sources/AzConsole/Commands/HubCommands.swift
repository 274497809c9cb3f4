import JSONValue
import LocalCloud

/// `az iot hub create|show|list|update|delete`, `policy` and `connection-string`: the hub as a
/// Resource Manager resource (core azure-cli commands).
enum HubCommands {
    static let name = FlagSpec(["--name", "-n"], required: true, help: "IoT Hub name.")
    static let optionalName = FlagSpec(["--name", "-n"], help: "IoT Hub name.")
    static let skus = ["B1", "B2", "B3", "F1", "S1", "S2", "S3"]

    static let groups = [
        GroupSpec("iot", summary: "Manage Internet of Things (IoT) assets."),
        GroupSpec("iot hub", summary: "Manage Azure IoT hubs."),
        GroupSpec("iot hub policy", summary: "Manage shared access policies of an Azure IoT hub."),
        GroupSpec("iot hub connection-string", summary: "Manage IoT Hub connection strings."),
    ]

    static let commands = [
        CommandSpec(
            "iot hub create", summary: "Create an Azure IoT hub.",
            details: "Hubs live in the local cloud: F1 allows one hub per subscription and 2 partitions, as Azure.",
            flags: [
                name,
                FlagSpec(["--resource-group", "-g"], help: "Name of resource group. Locally it may be left out: the hub then goes into the 'iotlab' group, created on demand."),
                FlagSpec(["--location", "-l"], help: "Location of your IoT Hub. Default is the location of target resource group."),
                FlagSpec(["--sku"], .choice(skus), default: "S1", help: "Pricing tier for Azure IoT Hub."),
                FlagSpec(["--unit"], .integer(1...200), default: "1", help: "Units in your IoT Hub."),
                FlagSpec(["--partition-count"], .integer(2...32), default: "4 (2 on F1)", help: "The number of partitions of the backing Event Hub for device-to-cloud messages."),
                FlagSpec(["--retention-day", "--rd"], .integer(1...7), default: "1", help: "Specifies how long this IoT hub will maintain device-to-cloud events, between 1 and 7 days."),
                FlagSpec(["--tags"], .list, help: "Space-separated tags: key[=value] [key[=value] ...]."),
            ]
        ) { context in
            let request = HubCreation(
                name: try context.required(name.key), resourceGroup: context.arguments.string("resource-group"),
                location: context.arguments.string("location"), skuName: context.arguments.string("sku") ?? "S1",
                units: context.arguments.integer("unit") ?? 1, partitionCount: context.arguments.integer("partition-count"),
                retentionDays: context.arguments.integer("retention-day") ?? 1,
                tags: Dictionary(
                    Tags.parse(context.arguments.list("tags")).map { ($0.key, $0.value.stringValue ?? "") }, uniquingKeysWith: { $1 }))
            return try await context.cloud.createHub(request).json(in: context.cloud.subscription)
        },
        CommandSpec(
            "iot hub show", summary: "Get the details of an IoT hub.",
            flags: [name, CommonFlags.resourceGroup]
        ) { context in
            try await context.cloud.hub(named: try context.required(name.key), resourceGroup: context.arguments.string("resource-group"))
                .json(in: context.cloud.subscription)
        },
        CommandSpec(
            "iot hub list", summary: "List IoT hubs.", flags: [CommonFlags.resourceGroup]
        ) { context in
            .array(await context.cloud.hubs(resourceGroup: context.arguments.string("resource-group")).map { $0.json(in: context.cloud.subscription) })
        },
        CommandSpec(
            "iot hub update", summary: "Update metadata for an IoT hub.",
            flags: [
                name, CommonFlags.resourceGroup,
                FlagSpec(["--sku"], .choice(skus), help: "Pricing tier for Azure IoT Hub."),
                FlagSpec(["--unit"], .integer(1...200), help: "Units in your IoT Hub."),
                FlagSpec(["--retention-day", "--rd"], .integer(), help: "Specifies how long this IoT hub will maintain device-to-cloud events, between 1 and 7 days."),
            ] + CloudToDeviceHubFlags.flags + FileUploadHubFlags.flags
        ) { context in
            let hubName = try context.required(name.key)
            let group = context.arguments.string("resource-group")
            let current = try await context.cloud.hub(named: hubName, resourceGroup: group)
            return try await context.cloud.updateHub(
                named: hubName, resourceGroup: group,
                skuName: context.arguments.string("sku"), units: context.arguments.integer("unit"),
                cloudToDevice: try CloudToDeviceHubFlags.settings(context.arguments, current: current.cloudToDevice),
                retentionDays: context.arguments.integer("retention-day"),
                fileUpload: try FileUploadHubFlags.settings(context.arguments, current: current.fileUpload)
            ).json(in: context.cloud.subscription)
        },
        CommandSpec(
            "iot hub delete", summary: "Delete an IoT hub.", flags: [name, CommonFlags.resourceGroup]
        ) { context in
            try await context.cloud.deleteHub(named: try context.required(name.key), resourceGroup: context.arguments.string("resource-group"))
            return nil
        },
        CommandSpec(
            "iot hub policy list", summary: "List shared access policies of an IoT hub.",
            flags: [FlagSpec(["--hub-name"], required: true, help: "IoT Hub name."), CommonFlags.resourceGroup]
        ) { context in
            .array(try await policyHub(context).policies.map(\.json))
        },
        CommandSpec(
            "iot hub policy show", summary: "Get a shared access policy of an IoT hub.",
            flags: [
                FlagSpec(["--hub-name"], required: true, help: "IoT Hub name."),
                FlagSpec(["--name", "-n"], required: true, help: "Shared access policy name."),
                CommonFlags.resourceGroup,
            ]
        ) { context in
            try await policyHub(context).policy(named: try context.required("name")).json
        },
        CommandSpec(
            "iot hub policy renew-key", summary: "Regenerate keys of a shared access policy of an IoT hub.",
            flags: [
                FlagSpec(["--hub-name"], required: true, help: "IoT Hub name."),
                FlagSpec(["--name", "-n"], required: true, help: "Shared access policy name."),
                FlagSpec(["--renew-key", "--rk"], .choice(["primary", "secondary"]), required: true, help: "Regenerate keys."),
                CommonFlags.resourceGroup,
            ]
        ) { context in
            let hub = try await policyHub(context)
            let keyType: KeyType = context.arguments.string("renew-key") == "secondary" ? .secondary : .primary
            return try await context.cloud.renewPolicyKey(hubName: hub.name, policyName: try context.required("name"), keyType: keyType).json
        },
        CommandSpec(
            "iot hub connection-string show", summary: "Show the connection string for an IoT Hub.",
            flags: [
                CommonFlags.hubName, CommonFlags.resourceGroup,
                FlagSpec(["--policy-name", "--pn"], default: "iothubowner", help: "Shared access policy to use."),
                CommonFlags.keyType,
            ]
        ) { context in
            let hub = try await context.hubResource()
            let keyType: KeyType = context.arguments.string("key-type") == "secondary" ? .secondary : .primary
            let text = try hub.connectionString(policyName: context.arguments.string("policy-name") ?? "iothubowner", keyType: keyType)
            return ["connectionString": .string(text)]
        },
    ]

    private static func policyHub(_ context: CommandContext) async throws -> HubResource {
        try await context.cloud.hub(named: try context.required("hub-name"), resourceGroup: context.arguments.string("resource-group"))
    }
}
