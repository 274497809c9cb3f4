import IoTSecurity
import JSONValue
import LocalCloud
import ProvisioningEngine

/// `az iot dps enrollment create|show|list|update|delete`: individual enrollments (azure-iot
/// extension), with symmetric key, X.509 or TPM attestation.
enum DpsEnrollmentCommands {
    static let attestationType = FlagSpec(
        ["--attestation-type", "--at"], .choice(["symmetricKey", "tpm", "x509"]), required: true, help: "Attestation Mechanism.")
    static let deviceId = FlagSpec(["--device-id"], help: "IoT Hub Device ID (default: the registration id).")
    static let endorsementKey = FlagSpec(
        ["--endorsement-key", "--ek"], help: "TPM endorsement key for a TPM device (iotlab tpm create prints one).")

    static let groups = [
        GroupSpec("iot dps enrollment", summary: "Manage individual device enrollments in an Azure IoT Hub Device Provisioning Service."),
    ]

    static let commands = [
        CommandSpec(
            "iot dps enrollment create", summary: "Create an individual device enrollment in an Azure IoT Hub Device Provisioning Service.",
            details: "Symmetric keys not given are generated, as the service does.",
            flags: DpsFlags.access + [
                DpsFlags.enrollmentId, attestationType, deviceId, DpsFlags.primaryKey, DpsFlags.secondaryKey,
                DpsFlags.certificatePath, DpsFlags.secondaryCertificatePath, endorsementKey,
            ] + DpsFlags.policy
        ) { context in
            let dps = try await DpsAccess.service(context)
            var document: JSONObject = ["registrationId": .string(try context.required(DpsFlags.enrollmentId.key))]
            if let deviceId = context.arguments.string(deviceId.key) { document["deviceId"] = .string(deviceId) }
            switch context.arguments.string(attestationType.key) {
            case "x509":
                guard let pair = try DpsEnrollmentDocument.certificatePair(context) else {
                    throw ConsoleError.usage("Please provide a certificate (--certificate-path or --secondary-certificate-path) for x509 attestation.")
                }
                document["attestation"] = ["type": "x509", "x509": ["clientCertificates": pair]]
            case "tpm":
                guard let key = context.arguments.string(endorsementKey.key) else {
                    throw ConsoleError.usage("Please provide the endorsement key (--endorsement-key) for TPM attestation.")
                }
                document["attestation"] = ["type": "tpm", "tpm": ["endorsementKey": .string(key)]]
            default:
                document["attestation"] = DpsEnrollmentDocument.symmetricKeyAttestation(context)
            }
            try DpsEnrollmentDocument.applyPolicy(context, to: &document)
            let created = try await context.cloud.createEnrollment(
                try IndividualEnrollment(json: .object(document)), dpsName: dps.name, resourceGroup: dps.resourceGroup)
            return created.json
        },
        CommandSpec(
            "iot dps enrollment show", summary: "Get individual device enrollment details in an Azure IoT Hub Device Provisioning Service.",
            flags: DpsFlags.access + [DpsFlags.enrollmentId, DpsFlags.showKeys]
        ) { context in
            DpsEnrollmentDocument.shown(try await enrollment(context).json, context)
        },
        CommandSpec(
            "iot dps enrollment list", summary: "List individual device enrollments in an Azure IoT Hub Device Provisioning Service.",
            flags: DpsFlags.access + [DpsFlags.top]
        ) { context in
            let dps = try await DpsAccess.service(context)
            let all = try await context.cloud.enrollments(dpsName: dps.name, resourceGroup: dps.resourceGroup)
            return .array(DpsAccess.limited(all, context).map { DpsEnrollmentDocument.shown($0.json, context) })
        },
        CommandSpec(
            "iot dps enrollment update", summary: "Update an individual device enrollment in an Azure IoT Hub Device Provisioning Service.",
            flags: DpsFlags.access + [
                DpsFlags.enrollmentId, deviceId, DpsFlags.etag, DpsFlags.primaryKey, DpsFlags.secondaryKey, DpsFlags.certificatePath,
                DpsFlags.secondaryCertificatePath, DpsFlags.removeCertificate, DpsFlags.removeSecondaryCertificate, endorsementKey,
            ] + DpsFlags.policy
        ) { context in
            let dps = try await DpsAccess.service(context)
            let current = try await enrollment(context)
            guard var document = current.json.objectValue else { return current.json }
            if let deviceId = context.arguments.string(deviceId.key) { document["deviceId"] = .string(deviceId) }
            switch current.attestation {
            case .symmetricKey:
                document["attestation"] = DpsEnrollmentDocument.symmetricKeyAttestation(context, current: document["attestation"]?["symmetricKey"])
            case .x509:
                guard let pair = try DpsEnrollmentDocument.certificatePair(context, current: document["attestation"]?["x509"]?["clientCertificates"]) else {
                    throw ConsoleError.usage("An x509 enrollment must keep a primary or secondary certificate.")
                }
                document["attestation"] = ["type": "x509", "x509": ["clientCertificates": pair]]
            case .tpm:
                if let key = context.arguments.string(endorsementKey.key) {
                    document["attestation"] = ["type": "tpm", "tpm": ["endorsementKey": .string(key)]]
                }
            }
            try DpsEnrollmentDocument.applyPolicy(context, to: &document)
            let updated = try await context.cloud.updateEnrollment(
                try IndividualEnrollment(json: .object(document)), dpsName: dps.name, resourceGroup: dps.resourceGroup,
                ifMatch: context.arguments.string(DpsFlags.etag.key))
            return updated.json
        },
        CommandSpec(
            "iot dps enrollment delete", summary: "Delete an individual device enrollment in an Azure IoT Hub Device Provisioning Service.",
            details: "Devices it provisioned stay in their hubs; future registrations are refused.",
            flags: DpsFlags.access + [DpsFlags.enrollmentId, DpsFlags.etag]
        ) { context in
            let dps = try await DpsAccess.service(context)
            try await context.cloud.deleteEnrollment(
                registrationId: try context.required(DpsFlags.enrollmentId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup,
                ifMatch: context.arguments.string(DpsFlags.etag.key))
            return nil
        },
    ]

    private static func enrollment(_ context: CommandContext) async throws -> IndividualEnrollment {
        let dps = try await DpsAccess.service(context)
        return try await context.cloud.enrollment(
            registrationId: try context.required(DpsFlags.enrollmentId.key), dpsName: dps.name, resourceGroup: dps.resourceGroup)
    }
}
