import HubEngine
import JSONValue

/// `az iot hub device-twin ...` and `module-twin ...` (azure-iot extension).
enum TwinCommands {
    static let groups = [
        GroupSpec("iot hub device-twin", summary: "Manage IoT device twin configuration."),
        GroupSpec("iot hub module-twin", summary: "Manage IoT device module twin configuration."),
    ]

    /// A device twin, or a module twin when `moduleId` is given.
    private struct Target {
        let hub: IoTHub
        let deviceId: String
        let moduleId: String?

        init(_ context: CommandContext) async throws {
            hub = try await context.hub()
            deviceId = try context.required("device-id")
            moduleId = context.arguments.string("module-id")
        }

        func show() async throws -> JSONValue {
            if let moduleId { return try await hub.moduleTwin(of: moduleId, on: deviceId) }
            return try await hub.twin(of: deviceId)
        }

        func update(_ patch: JSONValue, ifMatch: String?) async throws -> JSONValue {
            if let moduleId { return try await hub.updateModuleTwin(of: moduleId, on: deviceId, patch: patch, ifMatch: ifMatch) }
            return try await hub.updateTwin(of: deviceId, patch: patch, ifMatch: ifMatch)
        }

        func replace(_ document: JSONValue, ifMatch: String?) async throws -> JSONValue {
            if let moduleId { return try await hub.replaceModuleTwin(of: moduleId, on: deviceId, with: document, ifMatch: ifMatch) }
            return try await hub.replaceTwin(of: deviceId, with: document, ifMatch: ifMatch)
        }
    }

    static let commands = twinCommands(kind: "device-twin", noun: "device", extraFlags: [])
        + twinCommands(kind: "module-twin", noun: "module", extraFlags: [CommonFlags.moduleId])
        + [
            CommandSpec(
                "iot hub device-twin list", summary: "List device twins in an IoT Hub.",
                flags: CommonFlags.hubAccess + [QueryCommands.listTop]
            ) { context in
                try await QueryCommands.deviceTwins(context, edgeOnly: false)
            }
        ]

    private static func twinCommands(kind: String, noun: String, extraFlags: [FlagSpec]) -> [CommandSpec] {
        let target = CommonFlags.hubAccess + [CommonFlags.deviceId] + extraFlags
        return [
            CommandSpec("iot hub \(kind) show", summary: "Get a \(noun) twin definition.", flags: target) { context in
                try await Target(context).show()
            },
            CommandSpec(
                "iot hub \(kind) update", summary: "Update \(noun) twin desired properties and tags.",
                details: "--desired and --tags are merged into the twin as a JSON merge patch (null deletes a key); "
                    + "--set changes the fetched twin and sends its tags and desired properties back.",
                flags: target + [CommonFlags.desired, CommonFlags.tags, CommonFlags.etag] + CommonFlags.genericUpdate
            ) { context in
                let twin = try await Target(context)
                return try await twin.update(try patch(context, current: twin), ifMatch: context.arguments.string("etag"))
            },
            CommandSpec(
                "iot hub \(kind) replace", summary: "Replace \(noun) twin definition with target json.",
                flags: target + [CommonFlags.replacement, CommonFlags.etag]
            ) { context in
                guard let document = try context.json("json") else { return nil }
                return try await Target(context).replace(document, ifMatch: context.arguments.string("etag"))
            },
        ]
    }

    /// The merge patch an update sends: `--set` edits of the current twin's tags and desired
    /// properties first (read-only `$` members left out), then `--tags` and `--desired` laid over
    /// them with their `null`s kept, since a `null` is how a merge patch deletes a key.
    private static func patch(_ context: CommandContext, current target: Target) async throws -> JSONValue {
        var patch = JSONValue.emptyObject
        let update = try context.genericUpdate()
        if !update.isEmpty {
            let edited = try update.apply(to: try await target.show())
            patch["tags"] = (edited["tags"] ?? .emptyObject).removingReadOnlyMembers()
            patch["properties"] = ["desired": (edited[path: ["properties", "desired"]] ?? .emptyObject).removingReadOnlyMembers()]
        }
        if let tags = try context.json("tags") { patch["tags"] = (patch["tags"] ?? .null).overlaid(with: tags) }
        if let desired = try context.json("desired") {
            patch.setValue((patch[path: ["properties", "desired"]] ?? .null).overlaid(with: desired), at: ["properties", "desired"])
        }
        guard patch != .emptyObject else {
            throw ConsoleError.usage("Please provide --desired, --tags or a generic update argument (--set, --add, --remove).")
        }
        return patch
    }
}

extension JSONValue {
    /// The value with `patch` laid over it member by member, keeping `null` members.
    fileprivate func overlaid(with patch: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch, case .object(var members) = self else { return patch }
        for (name, value) in patchMembers { members[name] = (members[name] ?? .null).overlaid(with: value) }
        return .object(members)
    }

    /// The value without the service's read-only `$metadata`/`$version` members.
    fileprivate func removingReadOnlyMembers() -> JSONValue {
        guard case .object(let members) = self else { return self }
        var kept = JSONObject()
        for (name, value) in members where !name.hasPrefix("$") { kept[name] = value.removingReadOnlyMembers() }
        return .object(kept)
    }
}
