import JSONValue
import LocalCloud

/// `az iot dps registration list|show|delete` (and the newer `az iot dps enrollment registration
/// show|delete`, `az iot dps enrollment-group registration list|show|delete`): the registration
/// records devices leave when they register. Deleting one makes the device's next registration a
/// first assignment again; the hub device stays.
enum DpsRegistrationCommands {
    static let groups = [
        GroupSpec("iot dps registration", summary: "Manage device registrations for an Azure IoT Hub Device Provisioning Service."),
        GroupSpec("iot dps enrollment registration", summary: "Manage service-side device registrations for an individual enrollment."),
        GroupSpec("iot dps enrollment-group registration", summary: "Manage service-side device registrations for an enrollment group."),
    ]

    static let commands = [
        list("iot dps registration list"),
        list("iot dps enrollment-group registration list"),
        show("iot dps registration show", id: DpsFlags.registrationId),
        show("iot dps enrollment-group registration show", id: DpsFlags.registrationId),
        // An individual enrollment's registration is the one its enrollment id names.
        show("iot dps enrollment registration show", id: DpsFlags.enrollmentId),
        delete("iot dps registration delete", id: DpsFlags.registrationId),
        delete("iot dps enrollment-group registration delete", id: DpsFlags.registrationId),
        delete("iot dps enrollment registration delete", id: DpsFlags.enrollmentId),
    ]

    private static func list(_ path: String) -> CommandSpec {
        CommandSpec(
            path, summary: "List device registrations for an enrollment group in an Azure IoT Hub Device Provisioning Service.",
            flags: DpsFlags.access + [DpsFlags.groupId]
        ) { context in
            let dps = try await DpsAccess.service(context)
            return .array(try await context.cloud.registrations(
                dpsName: dps.name, resourceGroup: dps.resourceGroup, enrollmentGroupId: try context.required(DpsFlags.groupId.key)
            ).map(\.json))
        }
    }

    private static func show(_ path: String, id: FlagSpec) -> CommandSpec {
        CommandSpec(
            path, summary: "Get a device registration in an Azure IoT Hub Device Provisioning Service.", flags: DpsFlags.access + [id]
        ) { context in
            let dps = try await DpsAccess.service(context)
            return try await context.cloud.registration(
                registrationId: try context.required(id.key), dpsName: dps.name, resourceGroup: dps.resourceGroup
            ).json
        }
    }

    private static func delete(_ path: String, id: FlagSpec) -> CommandSpec {
        CommandSpec(
            path, summary: "Delete a device registration in an Azure IoT Hub Device Provisioning Service.",
            details: "The hub device stays; the next registration is a first assignment (initial twin, allocation).",
            flags: DpsFlags.access + [id, DpsFlags.etag]
        ) { context in
            let dps = try await DpsAccess.service(context)
            try await context.cloud.deleteRegistration(
                registrationId: try context.required(id.key), dpsName: dps.name, resourceGroup: dps.resourceGroup,
                ifMatch: context.arguments.string(DpsFlags.etag.key))
            return nil
        }
    }
}
