/// The twin the Twin pane shows: a device's, or a module's, in one hub.
public struct TwinTarget: Hashable, Sendable {
    public var hub: String
    public var deviceId: String
    public var moduleId: String?

    public init(hub: String, deviceId: String, moduleId: String? = nil) {
        self.hub = hub
        self.deviceId = deviceId
        self.moduleId = moduleId
    }

    /// `deviceId` or `deviceId/moduleId`: how the journal names the twin's events.
    public var subject: String { moduleId.map { deviceId + "/" + $0 } ?? deviceId }

    /// The journal scope of the twin's hub.
    var scope: String { "hub:" + hub }
}
