/// The CONNECT user name, which names the hub and the identity (IoT Hub MQTT support):
/// `{host}/{deviceId}[/{moduleId}]/?api-version=…` (older clients omit the `?`).
///
/// A DPS user name, `{idScope}/registrations/{registrationId}/api-version=…`, arrives on the same
/// port and is told apart here.
enum IoTHubUsername: Equatable {
    case hub(host: String, deviceId: String, moduleId: String?)
    case provisioning
    case invalid

    init(_ username: String) {
        let path = username.prefix { $0 != "?" }
        let segments = path.split(separator: "/").filter { !$0.contains("=") }
        if segments.count >= 2, segments[1] == "registrations" {
            self = .provisioning
        } else if segments.count == 2 || segments.count == 3 {
            self = .hub(host: String(segments[0]), deviceId: String(segments[1]), moduleId: segments.count == 3 ? String(segments[2]) : nil)
        } else {
            self = .invalid
        }
    }
}
