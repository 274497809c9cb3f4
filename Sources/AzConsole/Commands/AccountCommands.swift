import JSONValue
import LocalCloud

/// `az account show|list`: the one local subscription, which scripts read ids from
/// (`az account show --query id -o tsv`).
enum AccountCommands {
    static let groups = [GroupSpec("account", summary: "Manage Azure subscription information.")]

    static let commands = [
        CommandSpec("account show", summary: "Get the details of a subscription.") { context in
            account(context.cloud.subscription)
        },
        CommandSpec("account list", summary: "Get a list of subscriptions for the logged in account.") { context in
            [account(context.cloud.subscription)]
        },
    ]

    /// The shape az prints; the tenant is a fixed local one, as offline there is no directory.
    private static func account(_ subscription: Subscription) -> JSONValue {
        [
            "environmentName": "AzureCloud",
            "homeTenantId": .string(localTenant),
            "id": .string(subscription.id),
            "isDefault": true,
            "managedByTenants": [],
            "name": .string(subscription.displayName),
            "state": "Enabled",
            "tenantId": .string(localTenant),
            "user": ["name": "learner@iotlab.local", "type": "user"],
        ]
    }

    private static let localTenant = "00000000-0000-0000-0000-000000000000"
}
