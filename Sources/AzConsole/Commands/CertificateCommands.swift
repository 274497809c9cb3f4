import JSONValue
import LocalCloud

/// The X.509 CA certificate commands a hub (`az iot hub certificate`) and a DPS
/// (`az iot dps certificate`) share: upload, list, show, update, delete, and proof of possession
/// (generate a verification code, verify with a certificate signed for it). Each owner supplies
/// its flags and how to reach its certificates; the commands are written once.
struct CertificateCommands: Sendable {
    /// `iot hub certificate` or `iot dps certificate`.
    let group: String
    /// What one certificate is called in summaries: `an Azure IoT Hub certificate`.
    let subject: String
    /// `--hub-name` or `--dps-name`.
    let owner: FlagSpec
    /// The certificate's name flag.
    let name: FlagSpec
    let create: @Sendable (CommandContext, _ owner: String, _ group: String?, _ name: String, _ pem: String, _ verified: Bool) async throws -> CACertificate
    let list: @Sendable (CommandContext, _ owner: String, _ group: String?) async throws -> [CACertificate]
    let show: @Sendable (CommandContext, _ owner: String, _ group: String?, _ name: String) async throws -> CACertificate
    let update: @Sendable (CommandContext, _ owner: String, _ group: String?, _ name: String, _ etag: String, _ pem: String, _ verified: Bool) async throws -> CACertificate
    let delete: @Sendable (CommandContext, _ owner: String, _ group: String?, _ name: String, _ etag: String) async throws -> Void
    let generateCode: @Sendable (CommandContext, _ owner: String, _ group: String?, _ name: String, _ etag: String) async throws -> CACertificate
    let verify: @Sendable (CommandContext, _ owner: String, _ group: String?, _ name: String, _ etag: String, _ proof: String) async throws -> CACertificate
    /// The Resource Manager document of a certificate, with its verification code when asked.
    let render: @Sendable (CommandContext, _ owner: String, CACertificate, _ includingVerificationCode: Bool) async throws -> JSONValue

    static let path = FlagSpec(["--path", "-p"], required: true, help: "The path to the file containing the certificate (.pem or .cer).")
    static let etag = FlagSpec(["--etag", "-e"], required: true, help: "Entity Tag (etag) of the object.")
    static let verified = FlagSpec(["--verified", "-v"], .boolean, help: "Mark the certificate verified without proof of possession.")

    var commands: [CommandSpec] {
        let store = self
        return [
            CommandSpec(
                "\(group) create", summary: "Create/upload \(subject).",
                flags: [owner, name, Self.path, Self.verified, CommonFlags.resourceGroup]
            ) { context in
                let (owner, group, name) = try store.names(context)
                let created = try await store.create(
                    context, owner, group, name, try context.fileText(Self.path.key), context.arguments.boolean(Self.verified.key) ?? false)
                return try await store.render(context, owner, created, false)
            },
            CommandSpec(
                "\(group) list", summary: "List the certificates uploaded.", flags: [owner, CommonFlags.resourceGroup]
            ) { context in
                let owner = try context.required(store.owner.key)
                var rendered: [JSONValue] = []
                for certificate in try await store.list(context, owner, context.arguments.string(CommonFlags.resourceGroup.key)) {
                    rendered.append(try await store.render(context, owner, certificate, false))
                }
                return ["value": .array(rendered)]
            },
            CommandSpec(
                "\(group) show", summary: "Show information about \(subject).",
                flags: [owner, name, CommonFlags.resourceGroup]
            ) { context in
                let (owner, group, name) = try store.names(context)
                return try await store.render(context, owner, try await store.show(context, owner, group, name), false)
            },
            CommandSpec(
                "\(group) update", summary: "Update \(subject).",
                flags: [owner, name, Self.path, Self.etag, Self.verified, CommonFlags.resourceGroup]
            ) { context in
                let (owner, group, name) = try store.names(context)
                let updated = try await store.update(
                    context, owner, group, name, try context.required(Self.etag.key), try context.fileText(Self.path.key),
                    context.arguments.boolean(Self.verified.key) ?? false)
                return try await store.render(context, owner, updated, false)
            },
            CommandSpec(
                "\(group) delete", summary: "Delete \(subject).", flags: [owner, name, Self.etag, CommonFlags.resourceGroup]
            ) { context in
                let (owner, group, name) = try store.names(context)
                try await store.delete(context, owner, group, name, try context.required(Self.etag.key))
                return nil
            },
            CommandSpec(
                "\(group) generate-verification-code", summary: "Generate a verification code for \(subject).",
                details: "Use the code as the CN of a certificate signed by this CA's private key, then upload that with '\(group) verify'.",
                flags: [owner, name, Self.etag, CommonFlags.resourceGroup]
            ) { context in
                let (owner, group, name) = try store.names(context)
                let coded = try await store.generateCode(context, owner, group, name, try context.required(Self.etag.key))
                return try await store.render(context, owner, coded, true)
            },
            CommandSpec(
                "\(group) verify", summary: "Verify \(subject).",
                details: "The file holds a certificate whose CN is the verification code, signed by the uploaded CA.",
                flags: [owner, name, Self.path, Self.etag, CommonFlags.resourceGroup]
            ) { context in
                let (owner, group, name) = try store.names(context)
                let verified = try await store.verify(
                    context, owner, group, name, try context.required(Self.etag.key), try context.fileText(Self.path.key))
                return try await store.render(context, owner, verified, false)
            },
        ]
    }

    /// The owner, its resource group and the certificate name a command line gives.
    private func names(_ context: CommandContext) throws -> (owner: String, group: String?, name: String) {
        (try context.required(owner.key), context.arguments.string(CommonFlags.resourceGroup.key), try context.required(name.key))
    }
}
