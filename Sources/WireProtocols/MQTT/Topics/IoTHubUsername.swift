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
        var segments = path.split(separator: "/")
        // Device ids may hold `=`; only a last segment of query parameters is not part of the path.
        if segments.count > 1, let last = segments.last, last.hasPrefix("api-version=") { segments.removeLast() }
        // DPS user names have no `?` before their parameters; hub user names from the SDKs do.
        if !username.contains("?"), segments.count == 3, segments[1] == "registrations" {
            self = .provisioning
        } else if segments.count == 2 || segments.count == 3 {
            self = .hub(host: String(segments[0]), deviceId: String(segments[1]), moduleId: segments.count == 3 ? String(segments[2]) : nil)
        } else {
            self = .invalid
        }
    }
}
