import HubEngine
import JSONValue

/// What a simulated device needs of its connection to a hub: the device side of a session,
/// reduced to what the simulation uses, so that the runner can be driven by the hub's
/// `DeviceSession` and by a test double alike.
public protocol SimulatedDeviceConnection: Sendable {
    /// What the hub pushes to the device, in order; finishes when the connection ends.
    var inputs: AsyncStream<SimulationInput> { get }
    /// Subscribes to what the device handles, as a device SDK subscribes when a handler is set:
    /// what it does not subscribe to is not delivered (methods answer `DeviceNotOnline`,
    /// cloud-to-device messages stay queued).
    func subscribe(to topics: Set<SimulationTopic>) async throws
    /// Sends one telemetry message; returns once the hub acknowledged it.
    func send(_ message: DeviceMessage) async throws
    /// The device's twin as a device reads it: `{"desired": {...}, "reported": {...}}`.
    func twin() async throws -> JSONValue
    /// Patches the reported properties.
    func updateReported(_ patch: JSONObject) async throws
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

/// What a device can subscribe to.
public enum SimulationTopic: Sendable, Hashable, CaseIterable {
    case cloudToDevice
    case methods
    case desiredProperties
}

/// Something the hub delivered to a simulated device.
public enum SimulationInput: Sendable {
    /// A desired-properties patch and the desired version it brings the twin to.
    case desiredProperties(patch: JSONObject, version: Int)
    /// A direct method invocation awaiting the device's answer.
    case methodRequest(MethodCall)
    /// A cloud-to-device message, locked for this device until it is settled.
    case cloudToDevice(CloudToDeviceMessage)
    /// The hub closed the connection (taken over by another connection, the device disabled
    /// or deleted); nothing more will arrive.
    case closed(reason: String)

    /// A direct method request and the way to answer it.
    public struct MethodCall: Sendable {
        public let name: String
        public let requestId: String
        public let payload: JSONValue
        let respond: @Sendable (_ status: Int, _ payload: JSONValue) async throws -> Void

        public init(
            name: String, requestId: String, payload: JSONValue,
            respond: @escaping @Sendable (_ status: Int, _ payload: JSONValue) async throws -> Void
        ) {
            self.name = name
            self.requestId = requestId
            self.payload = payload
            self.respond = respond
        }
    }

    /// A received cloud-to-device message and the way to settle it.
    public struct CloudToDeviceMessage: Sendable {
        public let body: [UInt8]
        public let properties: OrderedDictionary<String, String>
        public let messageId: String?
        public let correlationId: String?
        let settle: @Sendable (CloudToDeviceSettlement) async throws -> Void

        public init(
            body: [UInt8], properties: OrderedDictionary<String, String>, messageId: String?, correlationId: String?,
            settle: @escaping @Sendable (CloudToDeviceSettlement) async throws -> Void
        ) {
            self.body = body
            self.properties = properties
            self.messageId = messageId
            self.correlationId = correlationId
            self.settle = settle
        }
    }
}
