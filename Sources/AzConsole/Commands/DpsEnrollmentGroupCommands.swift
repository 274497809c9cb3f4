import IoTSecurity
import JSONValue
import LocalCloud
import ProvisioningEngine

/// `az iot dps enrollment-group create|show|list|update|delete|compute-device-key` and the older
/// `az iot dps compute-device-key`: enrollment groups with symmetric keys (each device's key
/// derived from the group's) or X.509 (a verified CA on the DPS, `--ca-name`, or a root or
/// intermediate certificate uploaded with the group, `--certificate-path`).
enum DpsEnrollmentGroupCommands {
    static let caName = FlagSpec(
        ["--ca-name", "--cn", "--root-ca-name"], help: "The name of the primary CA certificate (az iot dps certificate) the group trusts.")
    static let secondaryCAName = FlagSpec(
        ["--secondary-ca-name", "--scn", "--secondary-root-ca-name"], help: "The name of the secondary CA certificate the group trusts.")
    static let registrationId = DpsFlags.registrationId
    static let symmetricKey = FlagSpec(["--symmetric-key", "--key"], help: "The symmetric shared access key of the enrollment group.")

    static let groups = [
        GroupSpec("iot dps enrollment-group", summary: "Manage enrollment groups in an Azure IoT Hub Device Provisioning Service."),
    ]

    static let commands = [
        CommandSpec(
            "iot dps enrollment-group create", summary: "Create an enrollment group in an Azure IoT Hub Device Provisioning Service.",
            details: "Without a certificate or CA name the group attests with symmetric keys (generated when not given).",
            flags: DpsFlags.access + [
                DpsFlags.groupId, DpsFlags.primaryKey, DpsFlags.secondaryKey, DpsFlags.certificatePath, DpsFlags.secondaryCertificatePath,
                caName, secondaryCAName,
            ] + DpsFlags.policy
        ) { context in
            let dps = try await DpsAccess.service(context)
            var document: JSONObject = ["enrollmentGroupId": .string(try context.required(DpsFlags.groupId.key))]
            document["attestation"] = try attestation(context, current: nil)
            try DpsEnrollmentDocument.applyPolicy(context, to: &document)
            let created = try await context.cloud.createEnrollmentGroup(
                try EnrollmentGroup(json: .object(document)), dpsName: dps.name, resourceGroup: dps.resourceGroup)
            return created.json
        },
        CommandSpec(
            "iot dps enrollment-group show", summary: "Get the details of an enrollment group in an Azure IoT Hub Device Provisioning Service.",
            flags: DpsFlags.access + [DpsFlags.groupId, DpsFlags.showKeys]
        ) { context in
            DpsEnrollmentDocument.shown(try await group(context).json, context)
        },
        CommandSpec(
            "iot dps enrollment-group list", summary: "List enrollments groups in an Azure IoT Hub Device Provisioning Service.",
            flags: DpsFlags.access + [DpsFlags.top]
        ) { context in
            let dps = try await DpsAccess.service(context)
            let all = try await context.cloud.enrollmentGroups(dpsName: dps.name, resourceGroup: dps.resourceGroup)
            return .array(DpsAccess.limited(all, context).map { DpsEnrollmentDocument.shown($0.json, context) })
        },
        CommandSpec(
            "iot dps enrollment-group update", summary: "Update an enrollment group in an Azure IoT Hub Device Provisioning Service.",
            details: "Lab 06's deprovisioning: --provisioning-status disabled refuses the group's devices from their next registration.",
            flags: DpsFlags.access + [
                DpsFlags.groupId, DpsFlags.etag, DpsFlags.primaryKey, DpsFlags.secondaryKey, DpsFlags.certificatePath,
                DpsFlags.secondaryCertificatePath, DpsFlags.removeCertificate, DpsFlags.removeSecondaryCertificate, caName, secondaryCAName,
            ] + DpsFlags.policy
        ) { context in
            let dps = try await DpsAccess.service(context)
            let current = try await group(context)
            guard var document = current.json.objectValue else { return current.json }
            document["attestation"] = try attestation(context, current: current.json["attestation"])
            try DpsEnrollmentDocument.applyPolicy(context, to: &document)
            let updated = try await context.cloud.updateEnrollmentGroup(
                try EnrollmentGroup(json: .object(document)), dpsName: dps.name, resourceGroup: dps.resourceGroup,
                ifMatch: context.arguments.string(DpsFlags.etag.key))
            return updated.json
        },
        CommandSpec(
            "iot dps enrollment-group delete", summary: "Delete an enrollment group in an Azure IoT Hub Device Provisioning Service.",
            flags: DpsFlags.access + [DpsFlags.groupId, DpsFlags.etag]
        ) { context in
            let dps = try await DpsAccess.service(context)
            try await context.cloud.deleteEnrollmentGroup(
                id: try context.required(DpsFlags.groupId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup,
                ifMatch: context.arguments.string(DpsFlags.etag.key))
            return nil
        },
        CommandSpec(
            "iot dps enrollment-group compute-device-key",
            summary: "Generate a derived device SAS key for an enrollment group in an Azure IoT Hub Device Provisioning Service.",
            details: "HMAC-SHA256 of the registration id with the group key: --symmetric-key, or the group's primary key.",
            flags: [
                DpsFlags.dpsName, CommonFlags.resourceGroup, DpsFlags.login, DpsFlags.authType,
                FlagSpec(["--enrollment-id", "--eid", "--group-id", "--gid"], help: "ID of enrollment group. Required if --symmetric-key is not given."),
                registrationId, symmetricKey,
            ]
        ) { context in
            let key: String
            if let given = context.arguments.string(symmetricKey.key) {
                key = given
            } else {
                guard case .symmetricKey(let primary, _) = try await group(context).attestation else {
                    throw ConsoleError.invalidValue("enrollment group '\(try context.required(DpsFlags.groupId.key))' does not use symmetric key attestation")
                }
                key = primary
            }
            return .string(try derivedKey(groupKey: key, registrationId: try context.required(registrationId.key)))
        },
        CommandSpec(
            "iot dps compute-device-key", summary: "Generate a derived device SAS key.",
            details: "Deprecated in az for 'az iot dps enrollment-group compute-device-key'; kept because older tutorials use it.",
            flags: [FlagSpec(["--key", "--symmetric-key"], required: true, help: "The symmetric shared access key for the enrollment group."), registrationId]
        ) { context in
            .string(try derivedKey(groupKey: try context.required("key"), registrationId: try context.required(registrationId.key)))
        },
    ]

    /// The group's attestation from the flags over `current`: X.509 when a certificate or CA name
    /// is given (or the group already is X.509), symmetric keys otherwise.
    private static func attestation(_ context: CommandContext, current: JSONValue?) throws -> JSONValue {
        let x509 = current?["x509"]
        var caReferences = x509?["caReferences"]?.objectValue ?? [:]
        if let name = context.arguments.string(caName.key) { caReferences["primary"] = .string(name) }
        if let name = context.arguments.string(secondaryCAName.key) { caReferences["secondary"] = .string(name) }
        if caReferences["primary"]?.stringValue != nil, !context.arguments.contains(DpsFlags.certificatePath.key) {
            return ["type": "x509", "x509": ["caReferences": .object(caReferences)]]
        }
        if let signing = try DpsEnrollmentDocument.certificatePair(context, current: x509?["signingCertificates"]) {
            return ["type": "x509", "x509": ["signingCertificates": signing]]
        }
        if x509 != nil, x509 != .null {
            throw ConsoleError.usage("An x509 enrollment group needs a CA name (--ca-name) or a certificate (--certificate-path).")
        }
        return DpsEnrollmentDocument.symmetricKeyAttestation(context, current: current?["symmetricKey"])
    }

    private static func derivedKey(groupKey: String, registrationId: String) throws -> String {
        let key: SymmetricKey
        do {
            key = try SymmetricKey(base64: groupKey)
        } catch {
            throw ConsoleError.invalidValue("argument --symmetric-key: \(error)")
        }
        return DeviceKeyDerivation.deviceKey(groupKey: key, registrationID: registrationId).base64
    }

    private static func group(_ context: CommandContext) async throws -> EnrollmentGroup {
        let dps = try await DpsAccess.service(context)
        return try await context.cloud.enrollmentGroup(id: try context.required(DpsFlags.groupId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup)
    }
}
