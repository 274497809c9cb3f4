import IoTQuery
import JSONValue

extension HubMessage {
    /// The message as a routing condition sees it, with the sender's twin when a route reads it;
    /// `enqueuedTimeText` is the enqueued time as `AzureTimestamp` writes it.
    func routed(twin: JSONValue?, enqueuedTimeText: String) -> RoutedMessage {
        let named = systemProperties.named(enqueuedTimeText: enqueuedTimeText)
        var system: [String: String] = Dictionary(minimumCapacity: named.count)
        for (name, value) in named { system[name] = value }
        var application: [String: String] = Dictionary(minimumCapacity: applicationProperties.count)
        for (name, value) in applicationProperties { application[name] = value }
        return RoutedMessage(body: body, systemProperties: system, applicationProperties: application, twin: twin)
    }
}
