import Foundation
import JSONValue
import LocalCloud

/// `az iot hub certificate ...`: X.509 CA certificates on a hub and their proof of possession
/// (core azure-cli commands, Resource Manager shapes), so CA-signed devices can connect.
enum HubCertificateCommands {
    static let hubName = FlagSpec(["--hub-name"], required: true, help: "IoT Hub name.")
    static let name = FlagSpec(["--name", "-n"], required: true, help: "A friendly name for the certificate.")
    static let path = FlagSpec(["--path", "-p"], required: true, help: "The path to the file containing the certificate (.pem or .cer).")
    static let etag = FlagSpec(["--etag", "-e"], required: true, help: "Entity Tag (etag) of the object.")
    static let verified = FlagSpec(["--verified", "-v"], .boolean, help: "Mark the certificate verified without proof of possession.")

    static let groups = [GroupSpec("iot hub certificate", summary: "Manage IoT Hub certificates.")]

    static let commands = [
        CommandSpec(
            "iot hub certificate create", summary: "Create/upload an Azure IoT Hub certificate.",
            flags: [hubName, name, path, verified, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group) = try names(context)
            let created = try await context.cloud.createCertificate(
                hubName: hub, resourceGroup: group, name: try context.required(name.key), pem: try file(path, context),
                verified: context.arguments.boolean(verified.key) ?? false)
            return try await show(created, hubName: hub, context: context)
        },
        CommandSpec(
            "iot hub certificate list", summary: "Lists all certificates contained within an Azure IoT Hub.",
            flags: [hubName, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group) = try names(context)
            let resource = try await context.cloud.hub(named: hub, resourceGroup: group)
            let all = try await context.cloud.certificates(hubName: hub, resourceGroup: group)
            return ["value": .array(all.map { $0.json(hub: resource, in: context.cloud.subscription) })]
        },
        CommandSpec(
            "iot hub certificate show", summary: "Shows information about a particular Azure IoT Hub certificate.",
            flags: [hubName, name, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group) = try names(context)
            let found = try await context.cloud.certificate(hubName: hub, resourceGroup: group, name: try context.required(name.key))
            return try await show(found, hubName: hub, context: context)
        },
        CommandSpec(
            "iot hub certificate update", summary: "Update an Azure IoT Hub certificate.",
            flags: [hubName, name, path, etag, verified, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group) = try names(context)
            let updated = try await context.cloud.updateCertificate(
                hubName: hub, resourceGroup: group, name: try context.required(name.key), etag: try context.required(etag.key),
                pem: try file(path, context), verified: context.arguments.boolean(verified.key) ?? false)
            return try await show(updated, hubName: hub, context: context)
        },
        CommandSpec(
            "iot hub certificate delete", summary: "Deletes an Azure IoT Hub certificate.",
            flags: [hubName, name, etag, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group) = try names(context)
            try await context.cloud.deleteCertificate(
                hubName: hub, resourceGroup: group, name: try context.required(name.key), etag: try context.required(etag.key))
            return nil
        },
        CommandSpec(
            "iot hub certificate generate-verification-code",
            summary: "Generates a verification code for an Azure IoT Hub certificate.",
            details: "Use the code as the CN of a certificate signed by this CA's private key, then upload that with 'az iot hub certificate verify'.",
            flags: [hubName, name, etag, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group) = try names(context)
            let coded = try await context.cloud.generateVerificationCode(
                hubName: hub, resourceGroup: group, name: try context.required(name.key), etag: try context.required(etag.key))
            return try await show(coded, hubName: hub, context: context, includingVerificationCode: true)
        },
        CommandSpec(
            "iot hub certificate verify", summary: "Verifies an Azure IoT Hub certificate.",
            details: "The file holds a certificate whose CN is the verification code, signed by the uploaded CA.",
            flags: [hubName, name, path, etag, CommonFlags.resourceGroup]
        ) { context in
            let (hub, group) = try names(context)
            let verifiedCertificate = try await context.cloud.verifyCertificate(
                hubName: hub, resourceGroup: group, name: try context.required(name.key), etag: try context.required(etag.key),
                proofPEM: try file(path, context))
            return try await show(verifiedCertificate, hubName: hub, context: context)
        },
    ]

    private static func names(_ context: CommandContext) throws -> (hub: String, group: String?) {
        (try context.required(hubName.key), context.arguments.string(CommonFlags.resourceGroup.key))
    }

    private static func file(_ flag: FlagSpec, _ context: CommandContext) throws -> String {
        let given = try context.required(flag.key)
        let url = context.workingDirectory.resolvingCommandLinePath(given)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConsoleError.invalidValue("[Errno 2] No such file or directory: '\(given)'")
        }
    }

    private static func show(
        _ certificate: CACertificate, hubName: String, context: CommandContext, includingVerificationCode: Bool = false
    ) async throws -> JSONValue {
        certificate.json(
            hub: try await context.cloud.hub(named: hubName), in: context.cloud.subscription,
            includingVerificationCode: includingVerificationCode)
    }
}
