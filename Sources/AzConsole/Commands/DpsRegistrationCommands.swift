import JSONValue
import LocalCloud

/// `az iot dps registration list|show|delete` (and the newer `az iot dps enrollment registration
/// show|delete`, `az iot dps enrollment-group registration list|show|delete`): the registration
/// records devices leave when they register. Deleting one makes the device's next registration a
/// first assignment again.
enum DpsRegistrationCommands {
    static let groups = [
        GroupSpec("iot dps registration", summary: "Manage device registrations for an Azure IoT Hub Device Provisioning Service."),
        GroupSpec("iot dps enrollment registration", summary: "Manage service-side device registrations for an individual enrollment."),
        GroupSpec("iot dps enrollment-group registration", summary: "Manage service-side device registrations for an enrollment group."),
    ]

    static let list = CommandSpec(
        "iot dps registration list", summary: "List device registrations for an enrollment group in an Azure IoT Hub Device Provisioning Service.",
        flags: DpsFlags.access + [DpsFlags.groupId]
    ) { context in
        let dps = try await DpsAccess.service(context)
        return .array(try await context.cloud.registrations(
            dpsName: dps.name, resourceGroup: dps.resourceGroup, enrollmentGroupId: try context.required(DpsFlags.groupId.key)
        ).map(\.json))
    }

    static let show = CommandSpec(
        "iot dps registration show", summary: "Get a device registration in an Azure IoT Hub Device Provisioning Service.",
        flags: DpsFlags.access + [DpsFlags.registrationId]
    ) { context in
        let dps = try await DpsAccess.service(context)
        return try await context.cloud.registration(
            registrationId: try context.required(DpsFlags.registrationId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup
        ).json
    }

    static let delete = CommandSpec(
        "iot dps registration delete", summary: "Delete a device registration in an Azure IoT Hub Device Provisioning Service.",
        details: "The hub device stays; the next registration is a first assignment (initial twin, allocation).",
        flags: DpsFlags.access + [DpsFlags.registrationId, DpsFlags.etag]
    ) { context in
        let dps = try await DpsAccess.service(context)
        try await context.cloud.deleteRegistration(
            registrationId: try context.required(DpsFlags.registrationId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup,
            ifMatch: context.arguments.string(DpsFlags.etag.key))
        return nil
    }

    /// The registration of an individual enrollment is the one named by its enrollment id.
    static let enrollmentShow = CommandSpec(
        "iot dps enrollment registration show", summary: "Get a device registration for an individual enrollment.",
        flags: DpsFlags.access + [DpsFlags.enrollmentId]
    ) { context in
        let dps = try await DpsAccess.service(context)
        return try await context.cloud.registration(
            registrationId: try context.required(DpsFlags.enrollmentId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup
        ).json
    }

    static let enrollmentDelete = CommandSpec(
        "iot dps enrollment registration delete", summary: "Delete a device registration for an individual enrollment.",
        flags: DpsFlags.access + [DpsFlags.enrollmentId, DpsFlags.etag]
    ) { context in
        let dps = try await DpsAccess.service(context)
        try await context.cloud.deleteRegistration(
            registrationId: try context.required(DpsFlags.enrollmentId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup,
            ifMatch: context.arguments.string(DpsFlags.etag.key))
        return nil
    }

    static let commands = [
        list, show, delete, enrollmentShow, enrollmentDelete,
        renamed(list, "iot dps enrollment-group registration list"),
        renamed(show, "iot dps enrollment-group registration show"),
        renamed(delete, "iot dps enrollment-group registration delete"),
    ]

    /// The same command under the enrollment-group path az has today.
    private static func renamed(_ command: CommandSpec, _ path: String) -> CommandSpec {
        CommandSpec(path, summary: command.summary, details: command.details, flags: command.flags, handler: command.handler)
    }
}
