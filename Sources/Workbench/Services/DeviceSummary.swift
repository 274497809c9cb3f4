import Foundation

/// One device identity as the Devices pane lists it, read from the hub's registry.
public struct DeviceSummary: Hashable, Sendable {
    public var hub: String
    public var deviceId: String
    public var connected: Bool
    public var enabled: Bool
    /// `sas`, `selfSigned` or `certificateAuthority`, as the registry names it.
    public var authentication: String
    public var isEdge: Bool
    public var lastActivity: Date?
    /// Cloud-to-device messages waiting for the device.
    public var cloudToDeviceQueued: Int

    public init(
        hub: String, deviceId: String, connected: Bool, enabled: Bool, authentication: String, isEdge: Bool, lastActivity: Date?,
        cloudToDeviceQueued: Int
    ) {
        self.hub = hub
        self.deviceId = deviceId
        self.connected = connected
        self.enabled = enabled
        self.authentication = authentication
        self.isEdge = isEdge
        self.lastActivity = lastActivity
        self.cloudToDeviceQueued = cloudToDeviceQueued
    }
}
