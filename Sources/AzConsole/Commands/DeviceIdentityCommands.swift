import Foundation
import HubEngine
import IoTSecurity
import JSONValue

/// `az iot hub device-identity ...` (azure-iot extension): the identity registry of a hub.
enum DeviceIdentityCommands {
    static let groups = [
        GroupSpec("iot hub device-identity", summary: "Manage IoT devices."),
        GroupSpec("iot hub device-identity connection-string", summary: "Manage IoT device's connection string."),
        GroupSpec("iot hub device-identity parent", summary: "Manage parent device relationships for IoT devices."),
        GroupSpec("iot hub device-identity children", summary: "Manage children device relationships for IoT edge devices."),
    ]

    static let commands = [
        CommandSpec(
            "iot hub device-identity create", summary: "Create a device in an IoT Hub.",
            flags: CommonFlags.hubAccess + [
                CommonFlags.deviceId, CommonFlags.edgeEnabled,
                FlagSpec(["--status", "--sta"], .choice(["disabled", "enabled"]), default: "enabled", help: "Set device status upon creation."),
                CommonFlags.statusReason,
                FlagSpec(["--set-parent", "--pd", "--parent-device-id"], help: "Id of the edge device to make this device's parent."),
                FlagSpec(["--add-children", "--cl"], .list, help: "Child device list (space or comma separated) includes only non-edge devices."),
                FlagSpec(["--force", "-f"], .presence, help: "Overwrites the child device's existing parent."),
            ] + IdentityAuthentication.flags
        ) { context in
            let hub = try await context.hub()
            let deviceId = try context.required("device-id")
            var request = DeviceIdentity(deviceId: deviceId)
            if let authentication = try IdentityAuthentication.from(context.arguments) { request.authentication = authentication }
            request.iotEdge = context.arguments.boolean("edge-enabled") ?? false
            request.status = context.arguments.string("status") == "disabled" ? .disabled : .enabled
            request.statusReason = context.arguments.string("status-reason")
            var created = try await hub.createDevice(request)
            let force = context.arguments.contains("force")
            if let parent = context.arguments.string("set-parent") {
                try await hub.setParent(of: deviceId, to: parent, force: force)
                created = try await hub.device(deviceId)
            }
            let children = childList(context.arguments)
            if !children.isEmpty {
                try await hub.addChildren(children, to: deviceId, force: force)
                created = try await hub.device(deviceId)
            }
            return created.json
        },
        CommandSpec(
            "iot hub device-identity show", summary: "Get the details of an IoT Hub device.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId]
        ) { context in
            try await context.hub().device(try context.required("device-id")).json
        },
        CommandSpec(
            "iot hub device-identity list", summary: "List devices in an IoT Hub.",
            details: "Like az, lists the devices' twins (the result of SELECT * FROM devices), 1000 at most unless --top says otherwise.",
            flags: CommonFlags.hubAccess + [
                QueryCommands.listTop, FlagSpec(["--edge-enabled", "--ee"], .boolean, help: "Flag indicating edge enablement."),
            ]
        ) { context in
            try await QueryCommands.deviceTwins(context, edgeOnly: context.arguments.boolean("edge-enabled") == true)
        },
        CommandSpec(
            "iot hub device-identity update", summary: "Update an IoT Hub device.",
            details: "Use --set (e.g. --set status=disabled) or the dedicated flags; the device is read, changed and written back with If-Match.",
            flags: CommonFlags.hubAccess + [
                CommonFlags.deviceId, CommonFlags.edgeEnabled, CommonFlags.status, CommonFlags.statusReason, CommonFlags.etag,
            ] + IdentityAuthentication.flags + CommonFlags.genericUpdate
        ) { context in
            let hub = try await context.hub()
            let current = try await hub.device(try context.required("device-id"))
            var device = try DeviceIdentity(json: try context.genericUpdate().apply(to: current.json))
            if let authentication = try IdentityAuthentication.from(context.arguments) { device.authentication = authentication }
            if let edge = context.arguments.boolean("edge-enabled") { device.iotEdge = edge }
            if let status = context.arguments.string("status") { device.status = status == "disabled" ? .disabled : .enabled }
            if let reason = context.arguments.string("status-reason") { device.statusReason = reason }
            return try await hub.updateDevice(device, ifMatch: context.arguments.string("etag")).json
        },
        CommandSpec(
            "iot hub device-identity renew-key", summary: "Renew target keys of an IoT Hub device with sas authentication.",
            flags: CommonFlags.hubAccess + [
                CommonFlags.deviceId, CommonFlags.etag,
                FlagSpec(["--key-type", "--kt"], .choice(["primary", "secondary", "swap"]), required: true, help: "Target key type to regenerate."),
            ]
        ) { context in
            let hub = try await context.hub()
            var device = try await hub.device(try context.required("device-id"))
            guard device.authentication.type == .sas else {
                throw ConsoleError.invalidValue("Device authentication should be of type sas.")
            }
            switch context.arguments.string("key-type") {
            case "swap":
                swap(&device.authentication.primaryKey, &device.authentication.secondaryKey)
            case "secondary":
                device.authentication.secondaryKey = SymmetricKey.generate().base64
            default:
                device.authentication.primaryKey = SymmetricKey.generate().base64
            }
            return try await hub.updateDevice(device, ifMatch: context.arguments.string("etag")).json
        },
        CommandSpec(
            "iot hub device-identity delete", summary: "Delete an IoT Hub device.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.etag]
        ) { context in
            try await context.hub().deleteDevice(try context.required("device-id"), ifMatch: context.arguments.string("etag"))
            return nil
        },
        CommandSpec(
            "iot hub device-identity connection-string show", summary: "Show a given IoT Hub device connection string.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.keyType]
        ) { context in
            let resource = try await context.hubResource()
            let hub = try await context.cloud.engine(forHub: resource.name)
            let device = try await hub.device(try context.required("device-id"))
            let text = device.connectionString(
                hostName: resource.hostName, useSecondaryKey: context.arguments.string("key-type") == "secondary")
            return ["connectionString": .string(
                IdentityAuthentication.connectionString(text, hostName: resource.hostName, deviceId: device.deviceId))]
        },
        CommandSpec(
            "iot hub device-identity parent show", summary: "Get the parent device of a device.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId]
        ) { context in
            let hub = try await context.hub()
            let deviceId = try context.required("device-id")
            let device = try await hub.device(deviceId)
            guard let scope = device.parentScopes.first,
                let parent = try await hub.devices(top: Int.max).first(where: { $0.iotEdge && $0.deviceScope == scope })
            else {
                throw ConsoleError.invalidValue("Device '\(deviceId)' does not have a parent device.")
            }
            return parent.json
        },
        CommandSpec(
            "iot hub device-identity parent set", summary: "Set the parent device of a device.",
            flags: CommonFlags.hubAccess + [
                CommonFlags.deviceId,
                FlagSpec(["--parent-device-id", "--pd"], required: true, help: "Id of edge device."),
                FlagSpec(["--force", "-f"], .presence, help: "Overwrites the device's existing parent."),
            ]
        ) { context in
            try await context.hub().setParent(
                of: try context.required("device-id"), to: try context.required("parent-device-id"),
                force: context.arguments.contains("force"))
            return nil
        },
        CommandSpec(
            "iot hub device-identity children add", summary: "Add devices as children to a target edge device.",
            flags: CommonFlags.hubAccess + [
                FlagSpec(["--device-id", "-d"], required: true, help: "Id of edge device."),
                FlagSpec(["--child-list", "--cl"], .list, required: true, help: "Child device list (space or comma separated)."),
                FlagSpec(["--force", "-f"], .presence, help: "Overwrites the child devices' existing parents."),
            ]
        ) { context in
            try await context.hub().addChildren(
                childList(context.arguments), to: try context.required("device-id"), force: context.arguments.contains("force"))
            return nil
        },
        CommandSpec(
            "iot hub device-identity children list", summary: "Outputs the collection of assigned child devices.",
            flags: CommonFlags.hubAccess + [FlagSpec(["--device-id", "-d"], required: true, help: "Id of edge device.")]
        ) { context in
            .array(try await context.hub().children(of: try context.required("device-id")).map { .string($0.deviceId) })
        },
        CommandSpec(
            "iot hub device-identity children remove", summary: "Remove child devices from a target edge device.",
            flags: CommonFlags.hubAccess + [
                FlagSpec(["--device-id", "-d"], required: true, help: "Id of edge device."),
                FlagSpec(["--child-list", "--cl"], .list, help: "Child device list (space or comma separated)."),
                FlagSpec(["--remove-all", "--ra"], .presence, help: "To remove all children."),
            ]
        ) { context in
            let children = childList(context.arguments)
            let removeAll = context.arguments.contains("remove-all")
            guard children.isEmpty == removeAll else {
                throw ConsoleError.usage("Please specify the child devices to remove with --child-list, or --remove-all, but not both.")
            }
            try await context.hub().removeChildren(children, from: try context.required("device-id"))
            return nil
        },
    ]

    /// `--child-list a b` and `--child-list "a,b"` both name devices a and b.
    static func childList(_ arguments: ParsedArguments) -> [String] {
        (arguments.list("child-list") + arguments.list("add-children"))
            .flatMap { $0.split(separator: ",") }
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
