import HubEngine
import JSONValue

/// What a simulated device needs of its connection to a hub: the device side of a
/// `DeviceSession`, in the session's own types, so that the runner is driven by the hub
/// (`DeviceSession` conforms) and by a test double alike.
public protocol SimulatedDeviceConnection: Sendable {
    /// What the hub pushes to the device, in order, ending with `.closed(reason)`.
    var deliveries: AsyncStream<DeviceDelivery> { get }
    /// Subscribes as a device SDK does when a handler is set: what the device does not
    /// subscribe to is not delivered (methods answer `DeviceNotOnline`, cloud-to-device
    /// messages stay queued).
    func subscribe(_ topics: Set<DeviceSubscription>) async throws
    /// Sends one telemetry message; returns once the hub acknowledged it.
    func sendTelemetry(_ message: DeviceMessage) async throws
    /// The device's twin as a device reads it: `{"desired": {...}, "reported": {...}}`.
    func twin() async throws -> JSONValue
    /// Patches the reported properties; returns the new reported `$version`.
    func updateReported(_ patch: JSONObject) async throws -> Int
    /// Answers a direct-method request.
    func respond(to request: MethodRequest, status: Int, payload: JSONValue) async throws
    /// Completes, abandons or rejects a received cloud-to-device message.
    func settle(lockToken: String, as settlement: CloudToDeviceSettlement) async throws
    /// Closes the connection; the hub records the device as disconnected.
    func disconnect() async
}

/// Opens device connections for the runner: the hub, after it authenticated the device as the
/// front doors do.
public protocol SimulationHub: Sendable {
    /// Connects `sender`, taking over any other session of the same identity; fails when the
    /// identity is unknown or disabled.
    func connectSimulatedDevice(_ sender: MessageSender) async throws -> any SimulatedDeviceConnection
}
