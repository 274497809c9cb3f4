import JSONValue

/// What a routing condition can read of one message: its body, its system and application
/// properties, and the twin of the device or module that sent it.
///
/// IoT Hub evaluates a route's condition on the message as the hub has stamped it (system
/// properties such as `iothub-connection-device-id` and `iothub-enqueuedtime` included) and, for
/// `$twin` references, on the sender's twin: the device twin, or the module twin for a message
/// from a module, since modules do not inherit their device's tags.
public struct RoutedMessage: Sendable {
    /// The body as sent. A condition reads it through `$body` only when the content type is
    /// `application/json` and the content encoding UTF-8, UTF-16 or UTF-32.
    public var body: [UInt8]
    /// System properties keyed as Azure names them (`content-type`,
    /// `iothub-connection-device-id`; see `MessageSystemProperty`).
    public var systemProperties: [String: String]
    /// The application properties, which are strings in IoT Hub messages, in the order the
    /// sender wrote them (a hub passes its message's own properties, without copying them).
    public var applicationProperties: OrderedDictionary<String, String>
    /// The sender's twin, at least its `tags` and `properties` (`desired` and `reported`);
    /// `nil` when there is none to read.
    public var twin: JSONValue?

    public init(
        body: [UInt8] = [], systemProperties: [String: String] = [:],
        applicationProperties: OrderedDictionary<String, String>, twin: JSONValue? = nil
    ) {
        self.body = body
        self.systemProperties = systemProperties
        self.applicationProperties = applicationProperties
        self.twin = twin
    }

    public init(
        body: [UInt8] = [], systemProperties: [String: String] = [:],
        applicationProperties: [String: String] = [:], twin: JSONValue? = nil
    ) {
        self.init(
            body: body, systemProperties: systemProperties,
            applicationProperties: OrderedDictionary(uniqueKeysWithValues: applicationProperties.map { ($0.key, $0.value) }), twin: twin)
    }
}
