/// The device or module a connection authenticated as, and the topic prefix its own topics share.
struct DeviceTopicOwner: Equatable {
    let deviceId: String
    let moduleId: String?
    /// `devices/{id}/` or `devices/{id}/modules/{mid}/`.
    let prefix: String
    /// `{prefix}messages/events`, the telemetry topic before its property bag: built once per
    /// connection, since every telemetry PUBLISH is matched against it.
    let telemetryTopic: String

    init(deviceId: String, moduleId: String?) {
        self.deviceId = deviceId
        self.moduleId = moduleId
        prefix = moduleId.map { "devices/\(deviceId)/modules/\($0)/" } ?? "devices/\(deviceId)/"
        telemetryTopic = prefix + "messages/events"
    }
}

extension DeviceTopicOwner {
    /// `deviceId` or `deviceId/moduleId`, as the hub names the session.
    var key: String { moduleId.map { deviceId + "/" + $0 } ?? deviceId }
}
