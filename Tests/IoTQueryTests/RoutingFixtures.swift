import IoTQuery
import JSONValue

/// Messages shaped as IoT Hub stamps them before evaluating routes.
enum RoutingFixtures {
    /// A telemetry message from `sensor-v-3000` with system properties under Azure's keys.
    static func message(
        body: String = #"{"vibration": 3.2, "speed": "fast"}"#,
        contentType: String? = "application/json", contentEncoding: String? = "utf-8",
        properties: [String: String] = [:], twin: JSONValue? = nil
    ) -> RoutedMessage {
        var system: [String: String] = [
            "iothub-connection-device-id": "sensor-v-3000",
            "iothub-connection-auth-method": #"{"scope":"device","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}"#,
            "iothub-connection-auth-generation-id": "638000000000000000",
            "iothub-enqueuedtime": "2026-11-27T20:00:00.000Z",
            "iothub-message-source": "Telemetry",
            "message-id": "m-1",
        ]
        system["content-type"] = contentType
        system["content-encoding"] = contentEncoding
        return RoutedMessage(
            body: Array(body.utf8), systemProperties: system, applicationProperties: properties, twin: twin)
    }

    /// Whether `condition` matches `message`.
    static func matches(_ condition: String, _ message: RoutedMessage = message()) throws -> Bool {
        try RoutingCondition(condition).evaluate(message).matched
    }
}
