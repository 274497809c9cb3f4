import JSONValue
import LocalCloud

/// `az storage account ...`: the storage accounts routing endpoints and labs write to.
enum StorageCommands {
    static let groups = [
        GroupSpec("storage", summary: "Manage Azure Cloud Storage resources."),
        GroupSpec("storage account", summary: "Manage storage accounts."),
        GroupSpec("storage account keys", summary: "Manage storage account keys."),
    ]

    static let name = FlagSpec(["--name", "-n", "--account-name"], required: true, help: "The storage account name.")

    static let commands = [
        CommandSpec(
            "storage account create", summary: "Create a storage account.",
            flags: [
                name,
                FlagSpec(["--resource-group", "-g"], required: true, help: "Name of resource group."),
                FlagSpec(["--location", "-l"], help: "Location. Default is the location of the resource group."),
                FlagSpec(
                    ["--sku"], .choice(["Premium_LRS", "Premium_ZRS", "Standard_GRS", "Standard_GZRS", "Standard_LRS", "Standard_RAGRS", "Standard_RAGZRS", "Standard_ZRS"]),
                    default: "Standard_RAGRS", help: "The storage account SKU."),
                FlagSpec(["--kind"], .choice(["BlobStorage", "BlockBlobStorage", "FileStorage", "Storage", "StorageV2"]), default: "StorageV2", help: "Indicate the type of storage account."),
                FlagSpec(["--tags"], .list, help: "Space-separated tags: key[=value] [key[=value] ...]."),
            ]
        ) { context in
            let request = StorageAccountCreation(
                name: try context.required(name.key), resourceGroup: try context.required("resource-group"),
                location: context.arguments.string("location"), skuName: context.arguments.string("sku") ?? "Standard_RAGRS",
                kind: context.arguments.string("kind") ?? "StorageV2")
            return try await context.cloud.createStorageAccount(request).json(in: context.cloud.subscription)
        },
        CommandSpec("storage account list", summary: "List storage accounts.", flags: [CommonFlags.resourceGroup]) { context in
            .array(await context.cloud.storageAccounts(resourceGroup: context.arguments.string("resource-group")).map { $0.json(in: context.cloud.subscription) })
        },
        CommandSpec("storage account show", summary: "Show storage account properties.", flags: [name, CommonFlags.resourceGroup]) { context in
            try await account(context).json(in: context.cloud.subscription)
        },
        CommandSpec(
            "storage account keys list", summary: "List the access keys for a storage account.",
            flags: [name, CommonFlags.resourceGroup]
        ) { context in
            .array(try await account(context).keys.map(\.json))
        },
        CommandSpec(
            "storage account show-connection-string", summary: "Get the connection string for a storage account.",
            flags: [name, CommonFlags.resourceGroup]
        ) { context in
            ["connectionString": .string(try await account(context).connectionString)]
        },
    ]

    private static func account(_ context: CommandContext) async throws -> StorageAccount {
        try await context.cloud.storageAccount(named: try context.required(name.key), resourceGroup: context.arguments.string("resource-group"))
    }
}
