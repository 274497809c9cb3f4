import Foundation

/// One device identity as the Devices pane lists it, read from the hub's registry, with the
/// simulated device this process runs for it, if any.
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
    /// The definition a simulated device of this process runs for the identity (`iotlab sim list`).
    public var simulator: String?

    public init(
        hub: String, deviceId: String, connected: Bool, enabled: Bool, authentication: String, isEdge: Bool, lastActivity: Date?,
        cloudToDeviceQueued: Int, simulator: String? = nil
    ) {
        self.hub = hub
        self.deviceId = deviceId
        self.connected = connected
        self.enabled = enabled
        self.authentication = authentication
        self.isEdge = isEdge
        self.lastActivity = lastActivity
        self.cloudToDeviceQueued = cloudToDeviceQueued
        self.simulator = simulator
    }

    /// The identity across hubs: the pane keeps its selection on it across refreshes.
    public var key: String { hub + "/" + deviceId }
}
