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

extension IoTHub {
    /// Counts of registered, enabled, disabled and connected devices.
    public var statistics: RegistryStatistics {
        var enabled = 0
        var connected = 0
        for device in state.devices.values {
            if device.status == .enabled { enabled += 1 }
            if device.connectionState == .connected { connected += 1 }
        }
        return RegistryStatistics(
            totalDeviceCount: state.deviceCount, enabledDeviceCount: enabled, disabledDeviceCount: state.deviceCount - enabled,
            connectedDeviceCount: connected)
    }
}
