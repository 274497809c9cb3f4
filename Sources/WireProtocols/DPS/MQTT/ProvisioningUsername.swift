/// The CONNECT user name of a DPS registration, `{idScope}/registrations/{registrationId}/api-version=…&ClientVersion=…`
/// (reference §6). DPS user names have no `?` before their parameters, which is how they are told
/// apart from a hub user name for a device called `registrations` (`hub/registrations/?api-version=…`),
/// as ``IoTHubUsername`` does.
struct ProvisioningUsername: Equatable {
    let idScope: String
    let registrationId: String

    init(idScope: String, registrationId: String) {
        self.idScope = idScope
        self.registrationId = registrationId
    }

    /// `nil` unless `username` has the DPS shape with a non-empty scope and registration id.
    init?(_ username: String) {
        guard !username.contains("?") else { return nil }
        var segments = username.split(separator: "/", omittingEmptySubsequences: false)
        if segments.count == 4, segments[3].hasPrefix("api-version=") { segments.removeLast() }
        guard segments.count == 3, segments[1] == "registrations", !segments[0].isEmpty, !segments[2].isEmpty else { return nil }
        self.init(idScope: String(segments[0]), registrationId: String(segments[2]))
    }
}
