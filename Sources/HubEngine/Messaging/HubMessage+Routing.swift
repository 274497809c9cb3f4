import IoTQuery
import JSONValue

extension HubMessage {
    /// The message as a routing condition sees it, with the sender's twin when a route reads it.
    func routed(twin: JSONValue?) -> RoutedMessage {
        var system: [String: String] = [:]
        for (name, value) in systemProperties.named { system[name] = value }
        var application: [String: String] = [:]
        for (name, value) in applicationProperties { application[name] = value }
        return RoutedMessage(body: body, systemProperties: system, applicationProperties: application, twin: twin)
    }
}
