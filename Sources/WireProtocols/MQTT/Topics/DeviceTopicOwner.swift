/// The device or module a connection authenticated as, and the topic prefix its own topics share.
struct DeviceTopicOwner: Equatable {
    let deviceId: String
    let moduleId: String?

    /// `devices/{id}/` or `devices/{id}/modules/{mid}/`.
    var prefix: String {
        moduleId.map { "devices/\(deviceId)/modules/\($0)/" } ?? "devices/\(deviceId)/"
    }
}

extension DeviceTopicOwner {
    /// `deviceId` or `deviceId/moduleId`, as the hub names the session.
    var key: String { moduleId.map { deviceId + "/" + $0 } ?? deviceId }
}
