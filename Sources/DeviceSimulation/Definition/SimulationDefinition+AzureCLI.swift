import JSONValue

extension SimulationDefinition {
    /// What `az iot device simulate` makes the device do, as a definition, so the command
    /// runs the same simulated device as `iotlab sim`.
    public struct AzureCLIOptions: Sendable {
        /// `--data`: each message's body is `{"id": <uuid>, "timestamp": <time>, "data": "<data> #<n>"}`.
        public var data: String = "Ping from Az CLI IoT Extension"
        /// `--properties`, application properties, sent as given.
        public var applicationProperties: OrderedDictionary<String, String> = [:]
        /// `application/json` and `utf-8` unless `--properties` overrides them (`$.ct`, `$.ce`).
        public var contentType: String? = "application/json"
        public var contentEncoding: String? = "utf-8"
        public var messageId: String?
        public var correlationId: String?
        public var userId: String?
        /// `--msg-count` (at least 1) and `--msg-interval` (seconds, at least 1).
        public var messageCount: Int = 100
        public var intervalSeconds: Int = 3
        /// MQTT only: answer every direct method (`--method-response-code`, default 200;
        /// `--method-response-payload`, default the request echoed back) and report each desired
        /// patch. (`--init-reported-properties` is the command's to patch once connected, so that
        /// every reported patch the device makes answers a desired one, as the extension prints it.)
        public var handlesMethodsAndTwin: Bool = true
        public var methodResponseStatus: Int?
        public var methodResponsePayload: JSONValue?
        /// `--receive-settle`.
        public var settlement: CloudToDeviceSettlement = .complete

        public init() {}
    }

    /// The device `az iot device simulate` runs with `options`. Text the user gave is taken
    /// literally (a `$.` in `--data` is not a placeholder).
    public static func azureCLIDevice(_ options: AzureCLIOptions) throws(SimulationError) -> SimulationDefinition {
        func literal(_ text: String) -> JSONValue { .string(PlaceholderText.escaping(text)) }
        var message: JSONObject = [
            "template": [
                "id": "$.Guid", "timestamp": "$.Time",
                "data": .string(PlaceholderText.escaping(options.data) + " #$.MessageNumber"),
            ]
        ]
        if let contentType = options.contentType { message["contentType"] = .string(contentType) }
        if let contentEncoding = options.contentEncoding { message["contentEncoding"] = .string(contentEncoding) }
        if let messageId = options.messageId { message["messageId"] = literal(messageId) }
        if let correlationId = options.correlationId { message["correlationId"] = literal(correlationId) }
        if let userId = options.userId { message["userId"] = literal(userId) }
        if !options.applicationProperties.isEmpty {
            message["properties"] = .object(options.applicationProperties.mapValues(literal))
        }
        var definition: JSONObject = [
            "name": "az-iot-device-simulate", "intervalSeconds": .integer(options.intervalSeconds),
            "count": .integer(options.messageCount), "messages": [.object(message)],
            "cloudToDevice": .string(options.settlement.rawValue),
        ]
        if options.handlesMethodsAndTwin {
            let echo: JSONValue = [
                "methodName": "$.MethodName", "methodRequestId": "$.MethodRequestId", "methodRequestPayload": "$.MethodPayload",
            ]
            definition["methods"] = [
                "*": [
                    "status": .integer(options.methodResponseStatus ?? 200),
                    "payload": options.methodResponsePayload.map(\.escapingPlaceholders) ?? echo,
                ]
            ]
            definition["twin"] = ["reportDesired": true, "reportDesiredAtStart": false]
        }
        return try SimulationDefinition(json: .object(definition))
    }
}

extension JSONValue {
    /// The document with every string escaped so none is read as a placeholder.
    fileprivate var escapingPlaceholders: JSONValue {
        switch self {
        case .string(let text): .string(PlaceholderText.escaping(text))
        case .array(let elements): .array(elements.map(\.escapingPlaceholders))
        case .object(let members): .object(members.mapValues(\.escapingPlaceholders))
        default: self
        }
    }
}
