import IoTSecurity
import LocalCloud

/// How the DPS data-plane commands (enrollments, registrations) find their instance: `--login`
/// (a DPS connection string, which takes priority, as in the azure-iot extension) or
/// `--dps-name` with an optional `--resource-group`.
enum DpsAccess {
    static func service(_ context: CommandContext) async throws -> ProvisioningServiceResource {
        if let login = context.arguments.string(DpsFlags.login.key) {
            guard let connection = try? ConnectionString(parsing: login), let host = connection["HostName"],
                  host.lowercased().hasSuffix(".azure-devices-provisioning.net"), let name = host.split(separator: ".").first
            else {
                throw ConsoleError.invalidValue(
                    "argument --login: '\(login)' is not a DPS connection string (HostName=NAME.azure-devices-provisioning.net;SharedAccessKeyName=...;SharedAccessKey=...)")
            }
            return try await context.cloud.provisioningService(named: String(name))
        }
        guard let name = context.arguments.string(DpsFlags.dpsName.key) else {
            throw ConsoleError.usage("Please provide a DPS entity name (via the '--dps-name' or '-n' parameter) or DPS connection string via --login.")
        }
        return try await context.cloud.provisioningService(named: name, resourceGroup: context.arguments.string(CommonFlags.resourceGroup.key))
    }

    /// The first `--top` entries (all for none or -1).
    static func limited<Entry>(_ entries: [Entry], _ context: CommandContext) -> ArraySlice<Entry> {
        guard let top = context.arguments.integer(DpsFlags.top.key), top >= 0 else { return entries[...] }
        return entries.prefix(top)
    }
}
