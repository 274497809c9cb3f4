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
