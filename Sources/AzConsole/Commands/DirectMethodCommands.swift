import HubEngine
import JSONValue

/// `az iot hub invoke-device-method` and `invoke-module-method` (azure-iot extension).
///
/// As the extension does, `--timeout` is both the connect and the response timeout, so a device
/// that is offline is waited for (on the hub's clock) before `DeviceNotOnline`.
enum DirectMethodCommands {
    private static let flags = [
        FlagSpec(["--method-name", "--mn"], required: true, help: "Target method for invocation."),
        FlagSpec(["--method-payload", "--mp"], .json, default: "{}", help: "Json payload to be passed to method. Must be file path or raw json."),
        FlagSpec(["--timeout", "--to"], .integer(), default: "30", help: "Maximum number of seconds to wait for device method result."),
    ]

    static let commands = [
        CommandSpec(
            "iot hub invoke-device-method", summary: "Invoke a device method.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId] + flags
        ) { context in
            try await invoke(context, module: nil)
        },
        CommandSpec(
            "iot hub invoke-module-method", summary: "Invoke a module method.",
            flags: CommonFlags.hubAccess + [CommonFlags.deviceId, CommonFlags.moduleId] + flags
        ) { context in
            try await invoke(context, module: try context.required("module-id"))
        },
    ]

    private static func invoke(_ context: CommandContext, module moduleId: String?) async throws -> JSONValue {
        let timeout = context.arguments.integer("timeout") ?? 30
        guard timeout <= 300 else { throw ConsoleError.invalidValue("timeout must not be over 300 seconds") }
        guard timeout >= 10 else { throw ConsoleError.invalidValue("timeout must be at least 10 seconds") }
        let payload = try context.json("method-payload") ?? .emptyObject
        let call = DirectMethodCall(
            methodName: try context.required("method-name"), payload: payload, responseTimeout: Double(timeout),
            connectTimeout: Double(timeout))
        return try await context.hub().invokeMethod(call, onDevice: try context.required("device-id"), module: moduleId).json
    }
}
