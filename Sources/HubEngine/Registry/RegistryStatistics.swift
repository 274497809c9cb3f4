import JSONValue

/// Device counts as `GET /statistics/devices` and `GET /statistics/service` report them.
public struct RegistryStatistics: Sendable, Equatable {
    public var totalDeviceCount: Int
    public var enabledDeviceCount: Int
    public var disabledDeviceCount: Int
    /// Devices with an open connection (the service statistics).
    public var connectedDeviceCount: Int

    public init(totalDeviceCount: Int, enabledDeviceCount: Int, disabledDeviceCount: Int, connectedDeviceCount: Int) {
        self.totalDeviceCount = totalDeviceCount
        self.enabledDeviceCount = enabledDeviceCount
        self.disabledDeviceCount = disabledDeviceCount
        self.connectedDeviceCount = connectedDeviceCount
    }

    /// Azure's registry-statistics body: `{"totalDeviceCount", "enabledDeviceCount", "disabledDeviceCount"}`.
    public var json: JSONValue {
        [
            "totalDeviceCount": .integer(totalDeviceCount), "enabledDeviceCount": .integer(enabledDeviceCount),
            "disabledDeviceCount": .integer(disabledDeviceCount),
        ]
    }
}
