import HubEngine
import IoTSecurity
import LocalCloud

extension CommandContext {
    /// The hub a data-plane command targets: `--hub-name`, or the host name of a `--login`
    /// connection string (which takes priority, as in the azure-iot extension).
    func hubName() throws(ConsoleError) -> String {
        if let login = arguments.string(CommonFlags.login.key) {
            guard let connection = try? ConnectionString(parsing: login), let host = connection["HostName"],
                let name = host.split(separator: ".").first, !name.isEmpty
            else {
                throw .invalidValue("argument --login: '\(login)' is not an IoT Hub connection string (HostName=...;SharedAccessKeyName=...;SharedAccessKey=...)")
            }
            return String(name)
        }
        guard let name = arguments.string(CommonFlags.hubName.key) else {
            throw .usage(
                "Please provide an IoT Hub entity name (via the '--hub-name' or '-n' parameter) or IoT Hub connection string via --login.")
        }
        return name
    }

    /// The hub's Resource Manager view (host name, policies, keys).
    func hubResource() async throws -> HubResource {
        try await cloud.hub(named: try hubName(), resourceGroup: arguments.string(CommonFlags.resourceGroup.key))
    }

    /// The hub's data-plane engine, checked against `--resource-group` when one is given.
    func hub() async throws -> IoTHub {
        let resource = try await hubResource()
        return try await cloud.engine(forHub: resource.name)
    }
}
