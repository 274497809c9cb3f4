import HubEngine
import JSONValue
import LocalCloud

/// `az iot hub route create|list|show|update|delete|test` (core azure-cli) and the same commands
/// as the azure-iot extension names them, `az iot hub message-route ...`, with the fallback
/// route's `message-route fallback show|set`. Both write `properties.routing.routes`.
enum RouteCommands {
    static let groups = [
        GroupSpec("iot hub route", summary: "Manage routes of an IoT hub."),
        GroupSpec("iot hub message-route", summary: "Manage routes of an IoT hub."),
        GroupSpec("iot hub message-route fallback", summary: "Manage the fallback route of an IoT hub."),
    ]

    /// The core CLI's hub and route name flags.
    static let core = Names(hub: ["--hub-name", "--hn"], route: ["--route-name", "--name", "-n"])
    /// The azure-iot extension's.
    static let fromExtension = Names(hub: ["--hub-name", "-n"], route: ["--route-name", "--rn"])

    /// How a command group spells the hub and route name flags.
    struct Names {
        let hub: [String]
        let route: [String]
    }

    static let routeName = FlagSpec(core.route, required: true, help: "Name of the Route.")
    static let sourceType = FlagSpec(["--source-type", "--type", "--source", "-s"], .choice(RoutingFlags.sourceChoices), help: "Source of the route.")
    static let endpointName = FlagSpec(["--endpoint-name", "--endpoint", "--en"], help: "Name of the routing endpoint.")
    static let enabled = FlagSpec(["--enabled", "-e"], .boolean, help: "A boolean indicating whether to enable route to the Iot hub.")
    static let condition = FlagSpec(["--condition", "-c"], help: "Condition that is evaluated to apply the routing rule.")

    static let commands = routeCommands("iot hub route", core) + routeCommands("iot hub message-route", fromExtension) + fallbackCommands

    /// The route commands of `group`, with its spelling of the name flags (the keys handlers read are the same).
    private static func routeCommands(_ group: String, _ names: Names) -> [CommandSpec] {
        let hubName = FlagSpec(names.hub, required: true, help: "IoT Hub name.")
        let routeName = FlagSpec(names.route, required: true, help: "Name of the Route.")
        let optionalRouteName = FlagSpec(names.route, help: "Name of the Route.")
        return [
            CommandSpec(
                "\(group) create", summary: "Create a route in IoT Hub.",
                flags: [
                    hubName, CommonFlags.resourceGroup, routeName,
                    FlagSpec(["--source-type", "--type", "--source", "-s"], .choice(RoutingFlags.sourceChoices), required: true, help: "Source of the route."),
                    FlagSpec(["--endpoint-name", "--endpoint", "--en"], required: true, help: "Name of the routing endpoint."),
                    enabled, condition,
                ]
            ) { context in
                let route = MessageRoute(
                    name: try context.required(routeName.key), source: try source(context) ?? .deviceMessages,
                    condition: context.arguments.string(condition.key) ?? "true",
                    endpointNames: try context.required(endpointName.key).split(separator: " ").map(String.init),
                    isEnabled: context.arguments.boolean(enabled.key) ?? true)
                return try await RoutingFlags.update(context) { $0.routes.append(route) }.json(in: context.cloud.subscription)
            },
            CommandSpec(
                "\(group) list", summary: "Get all the routes in IoT Hub.",
                flags: [hubName, CommonFlags.resourceGroup, sourceType]
            ) { context in
                let source = try source(context)
                let routes = try await RoutingFlags.hub(context).routing.routes
                return .array(routes.filter { source == nil || $0.source == source }.map(\.json))
            },
            CommandSpec(
                "\(group) show", summary: "Get information about the route in IoT Hub.",
                flags: [hubName, CommonFlags.resourceGroup, routeName]
            ) { context in
                try await existingRoute(context).json
            },
            CommandSpec(
                "\(group) update", summary: "Update a route in IoT Hub.",
                flags: [hubName, CommonFlags.resourceGroup, routeName, sourceType, endpointName, enabled, condition]
            ) { context in
                var route = try await existingRoute(context)
                let name = route.name
                if let source = try source(context) { route.source = source }
                if let endpoints = context.arguments.string(endpointName.key) { route.endpointNames = endpoints.split(separator: " ").map(String.init) }
                if let text = context.arguments.string(condition.key) { route.condition = text }
                if let flag = context.arguments.boolean(enabled.key) { route.isEnabled = flag }
                let updated = route
                return try await RoutingFlags.update(context) { routing in
                    routing.routes = routing.routes.map { $0.name == name ? updated : $0 }
                }.json(in: context.cloud.subscription)
            },
            CommandSpec(
                "\(group) delete", summary: "Delete all or mentioned route for your IoT Hub.",
                flags: [hubName, CommonFlags.resourceGroup, optionalRouteName, sourceType]
            ) { context in
                let name = context.arguments.string(routeName.key)?.lowercased()
                let source = try source(context)
                return try await RoutingFlags.update(context) { routing in
                    routing.routes.removeAll { route in
                        (name == nil || route.name.lowercased() == name) && (source == nil || route.source == source)
                    }
                }.json(in: context.cloud.subscription)
            },
            CommandSpec(
                "\(group) test", summary: "Test all routes or a mentioned route in IoT Hub.",
                details: "Evaluated by the local hub's routing engine; 'iotlab' shows the values each condition read.",
                flags: [
                    hubName, CommonFlags.resourceGroup, optionalRouteName, sourceType,
                    FlagSpec(["--body", "-b"], help: "Body of the route test message."),
                    FlagSpec(["--app-properties", "--ap"], .json, help: "App properties of the route test message."),
                    FlagSpec(["--system-properties", "--sp"], .json, help: "System properties of the route test message."),
                ]
            ) { context in
                let resource = try await RoutingFlags.hub(context)
                let hub = try await context.cloud.engine(forHub: resource.name)
                let message = RouteTestMessage(
                    body: Array((context.arguments.string("body") ?? "").utf8),
                    applicationProperties: try stringMap(context, "app-properties"),
                    systemProperties: try stringMap(context, "system-properties"))
                if let name = context.arguments.string(routeName.key) {
                    guard let route = resource.routing.route(named: name) else { throw ConsoleError.invalidValue("No route found.") }
                    let trace = try await hub.testRoutes(source: route.source, routeName: route.name, message: message).routes.first
                    let result: String =
                        switch trace?.evaluation?.result {
                        case .bool(let flag)?: flag ? "true" : "false"
                        default: "undefined"
                        }
                    return ["details": ["compilationErrors": nil], "result": .string(result)]
                }
                let result = try await hub.testRoutes(source: try source(context) ?? .deviceMessages, routeName: nil, message: message)
                let matched = resource.routing.routes.filter { route in result.matchedRoutes.contains { $0.name == route.name } }
                return ["routes": .array(matched.map { ["properties": $0.json] })]
            },
        ]
    }

    private static let fallbackHubName = FlagSpec(fromExtension.hub, required: true, help: "IoT Hub name.")

    private static let fallbackCommands = [
        CommandSpec(
            "iot hub message-route fallback show", summary: "Show the fallback route of an IoT Hub",
            flags: [fallbackHubName, CommonFlags.resourceGroup]
        ) { context in
            try await RoutingFlags.hub(context).routing.fallbackRoute.json
        },
        CommandSpec(
            "iot hub message-route fallback set", summary: "Enable or disable the fallback route in an IoT Hub.",
            flags: [
                fallbackHubName, CommonFlags.resourceGroup,
                FlagSpec(["--enabled", "-e"], .boolean, required: true, help: "Flag indicating if the fallback route should be enabled."),
            ]
        ) { context in
            let flag = context.arguments.boolean(enabled.key) ?? true
            return try await RoutingFlags.update(context) { $0.fallbackRoute.isEnabled = flag }.routing.fallbackRoute.json
        },
    ]

    /// `--source-type`, or `nil` when absent.
    private static func source(_ context: CommandContext) throws -> RoutingSource? {
        guard let text = context.arguments.string(sourceType.key) else { return nil }
        guard let source = RoutingSource(azureName: text) else {
            throw ConsoleError.usage("argument --source-type/--type/--source/-s: invalid choice: '\(text)'")
        }
        return source
    }

    /// The route `--route-name` names, or az's "No route found." error.
    private static func existingRoute(_ context: CommandContext) async throws -> MessageRoute {
        guard let route = try await RoutingFlags.hub(context).routing.route(named: try context.required(routeName.key)) else {
            throw ConsoleError.invalidValue("No route found.")
        }
        return route
    }

    /// A JSON object flag of string values (`--ap '{"sensorID":"VSLog"}'`); other values are
    /// taken as their JSON text, as properties are strings on the wire.
    private static func stringMap(_ context: CommandContext, _ key: String) throws -> [String: String] {
        guard let value = try context.json(key) else { return [:] }
        guard case .object(let members) = value else {
            throw ConsoleError.invalidValue("argument --\(key): expected a JSON object")
        }
        var map: [String: String] = [:]
        for (name, member) in members {
            if case .string(let text) = member { map[name] = text } else { map[name] = member.serialized(.compact) }
        }
        return map
    }
}
