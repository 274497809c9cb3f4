import HubEngine
import IoTSecurity
import JSONValue
import LocalCloud

/// `az iot hub generate-sas-token`: a SAS token for the hub (signed with a shared access
/// policy) or for a device or module (signed with its own key), valid for `--duration` seconds
/// from the local cloud's clock.
enum SASTokenCommands {
    static let groups: [GroupSpec] = []

    static let commands = [
        CommandSpec(
            "iot hub generate-sas-token", summary: "Generate a SAS token for a target IoT Hub, device or module.",
            details: "For a device or module the token is signed with its symmetric key; otherwise with the policy's key.",
            flags: CommonFlags.hubAccess + [
                FlagSpec(["--device-id", "-d"], help: "Target Device."),
                FlagSpec(["--module-id", "-m"], help: "Target Module."),
                FlagSpec(["--policy-name", "--pn"], default: "iothubowner", help: "Shared access policy with operation permissions for target IoT Hub entity."),
                CommonFlags.keyType,
                FlagSpec(["--duration", "--du"], .integer(1...31_536_000), default: "3600", help: "Valid token duration in seconds."),
            ]
        ) { context in
            let resource = try await context.hubResource()
            let secondary = context.arguments.string("key-type") == "secondary"
            let expiry = context.cloud.clock.now().addingTimeInterval(Double(context.arguments.integer("duration") ?? 3600))
            var uri = resource.hostName
            var policyName: String? = context.arguments.string("policy-name") ?? "iothubowner"
            var key: String?
            if let deviceId = context.arguments.string("device-id") {
                let hub = try await context.cloud.engine(forHub: resource.name)
                let authentication: AuthenticationMechanism
                if let moduleId = context.arguments.string("module-id") {
                    authentication = try await hub.module(moduleId, on: deviceId).authentication
                    uri += "/devices/\(deviceId)/modules/\(moduleId)"
                } else {
                    authentication = try await hub.device(deviceId).authentication
                    uri += "/devices/\(deviceId)"
                }
                key = secondary ? authentication.secondaryKey : authentication.primaryKey
                policyName = nil
                guard key != nil else {
                    throw ConsoleError.invalidValue("Device '\(deviceId)' uses X.509 authentication and has no symmetric key to sign a SAS token.")
                }
            } else {
                let policy = try resource.policy(named: policyName ?? "iothubowner")
                key = secondary ? policy.secondaryKey : policy.primaryKey
            }
            guard let key, let signingKey = try? SymmetricKey(base64: key) else {
                throw ConsoleError.invalidValue("The key to sign with is not a valid base64 symmetric key.")
            }
            return ["sas": .string(SharedAccessSignature.token(resourceURI: uri, key: signingKey, policyName: policyName, expiry: expiry))]
        },
    ]
}
