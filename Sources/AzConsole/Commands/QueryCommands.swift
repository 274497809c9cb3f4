import HubEngine
import JSONValue

/// `az iot hub query`: the IoT Hub query language over device and module twins.
enum QueryCommands {
    static let groups: [GroupSpec] = []

    static let commands = [
        CommandSpec(
            "iot hub query", summary: "Query an IoT Hub using a powerful SQL-like language.",
            details: "Reads every page of results (the service returns at most 1000 a page) unless --top caps them.",
            flags: CommonFlags.hubAccess + [
                FlagSpec(["--query-command", "-q"], required: true, help: "User query to be executed."),
                FlagSpec(["--top"], .integer(), help: "Maximum number of elements to return. By default query has no cap."),
            ]
        ) { context in
            .array(try await run(try context.required("query-command"), on: context.hub(), top: context.arguments.integer("top")))
        },
    ]

    /// `--top` of the list commands: 1000 unless told otherwise, as in the azure-iot extension.
    static let listTop = FlagSpec(
        ["--top"], .integer(), default: "1000", help: "Maximum number of elements to return. Use -1 for unlimited.")

    /// The device twins, as `device-identity list` and `device-twin list` print them.
    static func deviceTwins(_ context: CommandContext, edgeOnly: Bool) async throws -> JSONValue {
        let text = "SELECT * FROM devices" + (edgeOnly ? " WHERE capabilities.iotEdge = true" : "")
        return .array(try await run(text, on: context.hub(), top: context.arguments.integer("top") ?? 1000))
    }

    /// Runs a query page by page, as the extension's paging loop does, stopping at `top` items.
    static func run(_ text: String, on hub: IoTHub, top: Int?) async throws -> [JSONValue] {
        let cap = limit(top)
        var items: [JSONValue] = []
        var token: String?
        repeat {
            let page = try await hub.query(text, pageSize: min(1000, max(1, cap - items.count)), continuationToken: token)
            items += page.items
            token = page.continuationToken
        } while token != nil && items.count < cap
        return Array(items.prefix(cap))
    }

    /// `--top`: `nil` or a negative number means no cap.
    static func limit(_ top: Int?) -> Int {
        guard let top, top >= 0 else { return Int.max }
        return top
    }
}
