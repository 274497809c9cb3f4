import HubEngine
import JSONValue

/// `az iot hub module-identity ...` (azure-iot extension): module identities on a device.
enum ModuleIdentityCommands {
    static let groups = [
        GroupSpec("iot hub module-identity", summary: "Manage IoT device modules."),
        GroupSpec("iot hub module-identity connection-string", summary: "Manage IoT device module's connection string."),
    ]

    static let commands = [
        CommandSpec(
            "iot hub module-identity create", summary: "Create a module on a target IoT device in an IoT Hub.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.moduleId] + IdentityAuthentication.flags
        ) { context in
            var request = ModuleIdentity(moduleId: try context.required("module-id"), deviceId: try context.required("device-id"))
            if let authentication = try IdentityAuthentication.from(context.arguments) { request.authentication = authentication }
            return try await context.hub().createModule(request).json
        },
        CommandSpec(
            "iot hub module-identity show", summary: "Get the details of an IoT device module in an IoT Hub.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.moduleId]
        ) { context in
            try await context.hub().module(try context.required("module-id"), on: try context.required("device-id")).json
        },
        CommandSpec(
            "iot hub module-identity list", summary: "List modules located on an IoT device in an IoT Hub.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, QueryCommands.listTop]
        ) { context in
            let modules = try await context.hub().modules(on: try context.required("device-id")).map(\.json)
            return .array(Array(modules.prefix(QueryCommands.limit(context.arguments.integer("top") ?? 1000))))
        },
        CommandSpec(
            "iot hub module-identity update", summary: "Update an IoT Hub device module.",
            details: "Use --set, e.g. --set authentication.symmetricKey.primaryKey=<key>; written back with If-Match.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.moduleId, CommonFlags.etag]
                + IdentityAuthentication.flags + CommonFlags.genericUpdate
        ) { context in
            let hub = try await context.hub()
            let current = try await hub.module(try context.required("module-id"), on: try context.required("device-id"))
            var module = try ModuleIdentity(json: try context.genericUpdate().apply(to: current.json))
            if let authentication = try IdentityAuthentication.from(context.arguments) { module.authentication = authentication }
            return try await hub.updateModule(module, ifMatch: context.arguments.string("etag")).json
        },
        CommandSpec(
            "iot hub module-identity delete", summary: "Delete a device module in an IoT Hub.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.moduleId, CommonFlags.etag]
        ) { context in
            try await context.hub().deleteModule(
                try context.required("module-id"), on: try context.required("device-id"), ifMatch: context.arguments.string("etag"))
            return nil
        },
        CommandSpec(
            "iot hub module-identity connection-string show", summary: "Show a target IoT device module connection string.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.moduleId, CommonFlags.keyType]
        ) { context in
            let resource = try await context.hubResource()
            let hub = try await context.cloud.engine(forHub: resource.name)
            let module = try await hub.module(try context.required("module-id"), on: try context.required("device-id"))
            let text = module.connectionString(
                hostName: resource.hostName, useSecondaryKey: context.arguments.string("key-type") == "secondary")
            return ["connectionString": .string(IdentityAuthentication.connectionString(
                text, hostName: resource.hostName, deviceId: module.deviceId, moduleId: module.moduleId))]
        },
    ]
}
