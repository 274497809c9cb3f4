import HubEngine

/// A hub session is a simulated device's connection: telemetry, twin, methods and
/// cloud-to-device messages go through the same session calls the MQTT and HTTPS front doors use.
extension DeviceSession: SimulatedDeviceConnection {
    public func sendTelemetry(_ message: DeviceMessage) async throws {
        _ = try await send(message)
    }

    public func settle(lockToken: String, as settlement: CloudToDeviceSettlement) async throws {
        switch settlement {
        case .complete: try await complete(lockToken: lockToken)
        case .abandon: try await abandon(lockToken: lockToken)
        case .reject: try await reject(lockToken: lockToken)
        }
    }
}

extension IoTHub: SimulationHub {
    /// Connects a simulated device as an authenticated SAS device, as `az iot device simulate`
    /// connects with the device's key.
    public func connectSimulatedDevice(_ sender: MessageSender) async throws -> any SimulatedDeviceConnection {
        try connect(sender)
    }
}
