import JSONValue

/// One message route as Resource Manager holds it in `properties.routing.routes`: messages of
/// `source` for which `condition` is true go to `endpointNames` (IoT Hub takes exactly one).
public struct MessageRoute: Sendable, Equatable {
    public var name: String
    public var source: RoutingSource
    /// The routing query; `true` takes every message of the source.
    public var condition: String
    public var endpointNames: [String]
    public var isEnabled: Bool

    public init(name: String, source: RoutingSource, condition: String = "true", endpointNames: [String], isEnabled: Bool = true) {
        self.name = name
        self.source = source
        self.condition = condition
        self.endpointNames = endpointNames
        self.isEnabled = isEnabled
    }

    /// The route Azure gives every hub: telemetry no custom route took goes to `events`.
    public static let defaultFallback = MessageRoute(
        name: "$fallback", source: .deviceMessages, condition: "true", endpointNames: [RoutingEndpoints.builtInEventsName])

    /// Reads a route in ARM's shape; `condition` defaults to `true` and `isEnabled` to true.
    init(json: JSONValue, path: String) throws(HubError) {
        let fields = try JSONFields(json, path: path)
        let sourceText = try fields.string("source") ?? ""
        guard let source = RoutingSource(azureName: sourceText) else {
            throw .argumentInvalid(
                field: fields.field("source"),
                rule: "'\(sourceText)' is not one of \(RoutingSource.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.init(
            name: try fields.string("name") ?? "", source: source, condition: try fields.string("condition") ?? "true",
            endpointNames: try fields.stringArray("endpointNames") ?? [], isEnabled: try fields.bool("isEnabled") ?? true)
    }

    /// The route as `az iot hub route show` prints it (keys in az's sorted order).
    public var json: JSONValue {
        [
            "condition": .string(condition), "endpointNames": .array(endpointNames.map(JSONValue.string)),
            "isEnabled": .bool(isEnabled), "name": .string(name), "source": .string(source.rawValue),
        ]
    }
}
