import HubEngine
import JSONValue

/// A hub session as a simulated device's connection: what the session offers, plus
/// telemetry through the hub's ingest path, the same one the MQTT and HTTPS front doors use.
struct HubDeviceConnection: SimulatedDeviceConnection {
    let hub: IoTHub
    let session: DeviceSession

    var deliveries: AsyncStream<DeviceDelivery> { session.deliveries }

    func subscribe(_ topics: Set<DeviceSubscription>) async throws {
        try await session.subscribe(topics)
    }

    func sendTelemetry(_ message: DeviceMessage) async throws {
        _ = try await hub.ingest(message, from: session.sender)
    }

    func twin() async throws -> JSONValue {
        try await session.twin()
    }

    func updateReported(_ patch: JSONObject) async throws {
        _ = try await session.updateReported(patch)
    }

    func respond(to request: MethodRequest, status: Int, payload: JSONValue) async throws {
        try await session.respond(to: request, status: status, payload: payload)
    }

    func settle(lockToken: String, as settlement: CloudToDeviceSettlement) async throws {
        switch settlement {
        case .complete: try await session.complete(lockToken: lockToken)
        case .abandon: try await session.abandon(lockToken: lockToken)
        case .reject: try await session.reject(lockToken: lockToken)
        }
    }

    func disconnect() async {
        await session.disconnect()
    }
}

extension IoTHub: SimulationHub {
    /// Connects a simulated device as an authenticated SAS device, as `az iot device simulate`
    /// connects with the device's key.
    public func connectSimulatedDevice(_ sender: MessageSender) async throws -> any SimulatedDeviceConnection {
        HubDeviceConnection(hub: self, session: try connect(sender))
    }
}
