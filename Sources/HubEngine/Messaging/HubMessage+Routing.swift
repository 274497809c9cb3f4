import IoTQuery
import JSONValue

extension HubMessage {
    /// The message as a routing condition sees it, with the sender's twin when a route reads it.
    /// - Parameter enqueuedTimeText: the enqueued time as `AzureTimestamp` writes it, to list every
    ///   system property; `nil` when no condition reads a system property, so only the content
    ///   type and encoding `$body` needs are listed rather than every property for every message.
    func routed(twin: JSONValue?, enqueuedTimeText: String?) -> RoutedMessage {
        var system: [String: String]
        if let enqueuedTimeText {
            let named = systemProperties.named(enqueuedTimeText: enqueuedTimeText)
            system = Dictionary(minimumCapacity: named.count)
            for (name, value) in named { system[name] = value }
        } else {
            system = Dictionary(minimumCapacity: 2)
            if let contentType = systemProperties.contentType { system["content-type"] = contentType }
            if let contentEncoding = systemProperties.contentEncoding { system["content-encoding"] = contentEncoding }
        }
        return RoutedMessage(body: body, systemProperties: system, applicationProperties: applicationProperties, twin: twin)
    }
}
