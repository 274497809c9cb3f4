import JSONValue

/// One message enrichment: an application property `key` stamped with `value` on messages
/// delivered to `endpointNames`.
///
/// `value` is a static string, `$iothubname`, or a twin path (`$twin.tags.x`,
/// `$twin.properties.desired.x`, `$twin.properties.reported.x`) read from the sender's twin.
public struct MessageEnrichment: Sendable, Equatable {
    public var key: String
    public var value: String
    public var endpointNames: [String]

    public init(key: String, value: String, endpointNames: [String]) {
        self.key = key
        self.value = value
        self.endpointNames = endpointNames
    }

    init(json: JSONValue, path: String) throws(HubError) {
        let fields = try JSONFields(json, path: path)
        self.init(
            key: try fields.string("key") ?? "", value: try fields.string("value") ?? "",
            endpointNames: try fields.stringArray("endpointNames") ?? [])
    }

    /// The enrichment as `az iot hub message-enrichment list` prints it.
    public var json: JSONValue {
        ["endpointNames": .array(endpointNames.map(JSONValue.string)), "key": .string(key), "value": .string(value)]
    }
}
