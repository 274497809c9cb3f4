import JSONValue
import LocalCloud

/// `az provider ...`: resource provider registration, which the setup lab (lab 03) performs.
enum ProviderCommands {
    static let groups = [GroupSpec("provider", summary: "Manage resource providers.")]

    static let namespace = FlagSpec(["--namespace", "-n"], required: true, help: "The resource namespace, aka 'provider'.")

    static let commands = [
        CommandSpec(
            "provider register", summary: "Register a provider.",
            flags: [
                namespace,
                FlagSpec(["--accept-terms"], .presence, help: "Accept market place terms and RP terms for RPaaS."),
                FlagSpec(["--wait"], .presence, help: "Wait for the registration to finish."),
            ]
        ) { context in
            _ = try await context.cloud.registerProvider(namespace: try context.required(namespace.key))
            return nil
        },
        CommandSpec("provider show", summary: "Gets the specified resource provider.", flags: [namespace]) { context in
            await context.cloud.provider(namespace: try context.required(namespace.key)).json(in: context.cloud.subscription)
        },
        CommandSpec("provider list", summary: "Gets all resource providers for a subscription.") { context in
            .array(await context.cloud.providers().map { $0.json(in: context.cloud.subscription) })
        },
    ]
}
