import JSONValue
import LocalCloud
import ProvisioningEngine

/// `az iot dps create|show|list|update|delete`, `policy create|list|show|update|delete` and `connection-string show`:
/// the Device Provisioning Service as a Resource Manager resource (core azure-cli commands), in
/// the forms the official lab setup scripts use (`az iot dps create --name N -g RG --sku S1`,
/// `az iot dps show --name N --query properties.idScope`).
enum DpsCommands {
    static let name = FlagSpec(["--name", "-n"], required: true, help: "IoT Provisioning Service name.")

    static let groups = [
        GroupSpec("iot dps", summary: "Manage Azure IoT Hub Device Provisioning Service."),
        GroupSpec("iot dps policy", summary: "Manage shared access policies for an Azure IoT Hub Device Provisioning Service instance."),
        GroupSpec("iot dps connection-string", summary: "Manage connection strings for an Azure IoT Hub Device Provisioning Service instance."),
    ]

    static let commands = [
        CommandSpec(
            "iot dps create", summary: "Create an Azure IoT Hub device provisioning service.",
            details: "The service lives in the local cloud with a fresh ID scope (0ne + 8 hex digits) and the provisioningserviceowner policy.",
            flags: [
                name,
                FlagSpec(["--resource-group", "-g"], help: "Name of resource group. Locally it may be left out: the service then goes into the 'iotlab' group."),
                FlagSpec(["--location", "-l"], help: "Location of your IoT Provisioning Service. Default is the location of target resource group."),
                FlagSpec(["--sku"], .choice(["S1"]), default: "S1", help: "Pricing tier for the IoT provisioning service."),
                FlagSpec(["--unit"], .integer(1...200), default: "1", help: "Units in your IoT Provisioning Service."),
                FlagSpec(["--tags"], .list, help: "Space-separated tags: key[=value] [key[=value] ...]."),
                FlagSpec(["--enable-data-residency", "--edr"], .boolean, help: "Data residency; the local cloud has one region, accepted and ignored."),
            ]
        ) { context in
            let created = try await context.cloud.createProvisioningService(
                name: try context.required(name.key), resourceGroup: context.arguments.string("resource-group"),
                location: context.arguments.string("location"), skuName: context.arguments.string("sku") ?? "S1",
                units: context.arguments.integer("unit") ?? 1, tags: tags(context))
            return created.json(in: context.cloud.subscription)
        },
        CommandSpec(
            "iot dps show", summary: "Get the details of an Azure IoT Hub device provisioning service.",
            flags: [name, CommonFlags.resourceGroup]
        ) { context in
            try await service(context, flag: name).json(in: context.cloud.subscription)
        },
        CommandSpec(
            "iot dps list", summary: "List Azure IoT Hub device provisioning services.", flags: [CommonFlags.resourceGroup]
        ) { context in
            .array(await context.cloud.provisioningServices(resourceGroup: context.arguments.string("resource-group")).map {
                $0.json(in: context.cloud.subscription)
            })
        },
        CommandSpec(
            "iot dps update", summary: "Update an Azure IoT Hub device provisioning service.",
            details: "--set properties.allocationPolicy=GeoLatency (Hashed, GeoLatency, Static), --set sku.capacity=N and tags are applied.",
            flags: [name, CommonFlags.resourceGroup, FlagSpec(["--tags"], .list, help: "Space-separated tags: key[=value] [key[=value] ...]."), CommonFlags.etag]
                + CommonFlags.genericUpdate
        ) { context in
            let current = try await service(context, flag: name)
            let updated = try context.genericUpdate().apply(to: current.json(in: context.cloud.subscription))
            var allocation: AllocationPolicy?
            if let text = updated[path: ["properties", "allocationPolicy"]]?.stringValue, text != current.allocationPolicy.armName {
                guard let policy = AllocationPolicy(name: text) else {
                    throw ConsoleError.invalidValue("properties.allocationPolicy: must be Hashed, GeoLatency or Static, was '\(text)'")
                }
                allocation = policy
            }
            let units = updated[path: ["sku", "capacity"]]?.integerValue
            var newTags = updated["tags"]?.objectValue
            if context.arguments.contains("tags") { newTags = tags(context) }
            return try await context.cloud.updateProvisioningService(
                named: current.name, resourceGroup: current.resourceGroup, allocationPolicy: allocation,
                units: units == current.units ? nil : units, tags: newTags, ifMatch: context.arguments.string(CommonFlags.etag.key)
            ).json(in: context.cloud.subscription)
        },
        CommandSpec(
            "iot dps delete", summary: "Delete an Azure IoT Hub device provisioning service.",
            details: "Its enrollments and registrations go with it; the devices it assigned stay in their hubs, as in Azure.",
            flags: [name, CommonFlags.resourceGroup]
        ) { context in
            try await context.cloud.deleteProvisioningService(
                named: try context.required(name.key), resourceGroup: context.arguments.string("resource-group"))
            return nil
        },
        CommandSpec(
            "iot dps policy list", summary: "List all shared access policies in an Azure IoT Hub Device Provisioning Service.",
            flags: [DpsFlags.dpsNameOnly, CommonFlags.resourceGroup]
        ) { context in
            .array(try await service(context, flag: DpsFlags.dpsNameOnly).policies.map(\.json))
        },
        CommandSpec(
            "iot dps policy show", summary: "Show details of a shared access policies in an Azure IoT Hub Device Provisioning Service.",
            flags: [DpsFlags.dpsNameOnly, policyName, CommonFlags.resourceGroup]
        ) { context in
            try await service(context, flag: DpsFlags.dpsNameOnly).policy(named: try context.required(policyName.key)).json
        },
        CommandSpec(
            "iot dps policy create", summary: "Create a new shared access policy in an Azure IoT Hub Device Provisioning Service.",
            flags: [DpsFlags.dpsNameOnly, policyName, requiredRights, CommonFlags.resourceGroup, DpsFlags.primaryKey, DpsFlags.secondaryKey]
        ) { context in
            let dps = try await service(context, flag: DpsFlags.dpsNameOnly)
            return try await context.cloud.createProvisioningPolicy(
                dpsName: dps.name, resourceGroup: dps.resourceGroup, name: try context.required(policyName.key), rights: try parsedRights(context) ?? [],
                primaryKey: context.arguments.string(DpsFlags.primaryKey.key), secondaryKey: context.arguments.string(DpsFlags.secondaryKey.key)
            ).json
        },
        CommandSpec(
            "iot dps policy update", summary: "Update a shared access policy in an Azure IoT Hub Device Provisioning Service.",
            flags: [DpsFlags.dpsNameOnly, policyName, optionalRights, CommonFlags.resourceGroup, DpsFlags.primaryKey, DpsFlags.secondaryKey]
        ) { context in
            let dps = try await service(context, flag: DpsFlags.dpsNameOnly)
            return try await context.cloud.updateProvisioningPolicy(
                dpsName: dps.name, resourceGroup: dps.resourceGroup, name: try context.required(policyName.key), rights: try parsedRights(context),
                primaryKey: context.arguments.string(DpsFlags.primaryKey.key), secondaryKey: context.arguments.string(DpsFlags.secondaryKey.key)
            ).json
        },
        CommandSpec(
            "iot dps policy delete", summary: "Delete a shared access policies in an Azure IoT Hub Device Provisioning Service.",
            flags: [DpsFlags.dpsNameOnly, policyName, CommonFlags.resourceGroup]
        ) { context in
            let dps = try await service(context, flag: DpsFlags.dpsNameOnly)
            try await context.cloud.deleteProvisioningPolicy(dpsName: dps.name, resourceGroup: dps.resourceGroup, name: try context.required(policyName.key))
            return nil
        },
        CommandSpec(
            "iot dps connection-string show", summary: "Show the connection string(s) for an Azure IoT Hub Device Provisioning Service instance.",
            flags: [
                DpsFlags.requiredDpsName,
                CommonFlags.resourceGroup, connectionPolicyName, CommonFlags.keyType,
                FlagSpec(["--show-all", "--all"], .boolean, help: "Show all shared access policies."),
            ]
        ) { context in
            let dps = try await service(context, flag: DpsFlags.requiredDpsName)
            let keyType: KeyType = context.arguments.string(CommonFlags.keyType.key) == "secondary" ? .secondary : .primary
            if context.arguments.boolean("show-all") == true {
                return ["connectionString": .array(try dps.policies.map { .string(try dps.connectionString(policyName: $0.keyName, keyType: keyType)) })]
            }
            let policy = context.arguments.string(policyName.key) ?? "provisioningserviceowner"
            return ["connectionString": .string(try dps.connectionString(policyName: policy, keyType: keyType))]
        },
    ]

    static let policyName = FlagSpec(["--policy-name", "--pn"], required: true, help: "Shared access policy name.")
    static let connectionPolicyName = FlagSpec(
        ["--policy-name", "--pn"], default: "provisioningserviceowner", help: "Shared access policy to use.")

    static let rightsHelp =
        "Access rights: space-separated list of ServiceConfig, EnrollmentRead, EnrollmentWrite, DeviceConnect, RegistrationStatusRead, RegistrationStatusWrite."
    static let requiredRights = FlagSpec(["--rights", "-r"], .list, required: true, help: rightsHelp)
    static let optionalRights = FlagSpec(["--rights", "-r"], .list, help: rightsHelp)

    /// `--rights`, each name matched without regard to case; `nil` when not given.
    private static func parsedRights(_ context: CommandContext) throws -> [SharedAccessPolicy.Right]? {
        let words = context.arguments.list("rights").flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
        guard !words.isEmpty else { return nil }
        return try words.map { word in
            guard let right = LocalCloud.provisioningPolicyRights.first(where: { $0.rawValue.lowercased() == word.lowercased() }) else {
                throw ConsoleError.invalidValue(
                    "argument --rights/-r: invalid choice: '\(word)' (choose from \(LocalCloud.provisioningPolicyRights.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
            }
            return right
        }
    }

    /// The instance named by `flag`, checked against `--resource-group` when given.
    static func service(_ context: CommandContext, flag: FlagSpec) async throws -> ProvisioningServiceResource {
        try await context.cloud.provisioningService(named: try context.required(flag.key), resourceGroup: context.arguments.string("resource-group"))
    }

    private static func tags(_ context: CommandContext) -> JSONObject {
        Tags.parse(context.arguments.list("tags"))
    }
}
