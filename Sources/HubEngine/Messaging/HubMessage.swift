import JSONValue

/// A message after the hub has accepted and stamped it: what routes evaluate, endpoints store
/// and readers (`monitor-events`, the telemetry pane, `iotlab endpoint read`) see.
///
/// Telemetry becomes one of these on ingest; twin-change, lifecycle and connection-state
/// events are built as these too, so one routing and delivery path serves every source.
public struct HubMessage: Sendable, Equatable {
    public var body: [UInt8]
    public var systemProperties: MessageSystemProperties
    /// The sender's application properties, plus the enrichments of the endpoint it was delivered to.
    public var applicationProperties: OrderedDictionary<String, String>

    public init(body: [UInt8], systemProperties: MessageSystemProperties, applicationProperties: OrderedDictionary<String, String> = [:]) {
        self.body = body
        self.systemProperties = systemProperties
        self.applicationProperties = applicationProperties
    }
}
