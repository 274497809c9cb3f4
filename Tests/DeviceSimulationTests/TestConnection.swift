import DeviceSimulation
import HubEngine
import JSONValue
import LabCore

/// A device connection that records what the simulated device did and lets a test deliver
/// what a hub would, for the runner's behaviour apart from any hub.
actor TestConnection: SimulatedDeviceConnection {
    nonisolated let deliveries: AsyncStream<DeviceDelivery>
    private nonisolated let deliver: AsyncStream<DeviceDelivery>.Continuation
    private(set) var sent: [DeviceMessage] = []
    private(set) var reported: [JSONObject] = []
    private(set) var topics: Set<DeviceSubscription> = []
    private(set) var answers: [String: (status: Int, payload: JSONValue)] = [:]
    private(set) var settlements: [String: CloudToDeviceSettlement] = [:]
    private(set) var isDisconnected = false
    var twinDocument: JSONValue = ["desired": ["$version": 1], "reported": ["$version": 1]]
    /// Sends fail with this error while it is set.
    var sendError: (any Error)?

    init() {
        (deliveries, deliver) = AsyncStream.makeStream(of: DeviceDelivery.self)
    }

    nonisolated func push(_ delivery: DeviceDelivery) {
        deliver.yield(delivery)
    }

    func setTwin(_ twin: JSONValue) { twinDocument = twin }
    func failSends(with error: (any Error)?) { sendError = error }

    func subscribe(_ topics: Set<DeviceSubscription>) async throws { self.topics.formUnion(topics) }

    func sendTelemetry(_ message: DeviceMessage) async throws {
        if let sendError { throw sendError }
        sent.append(message)
    }

    func twin() async throws -> JSONValue { twinDocument }

    func updateReported(_ patch: JSONObject) async throws -> Int {
        reported.append(patch)
        return reported.count + 1
    }

    func respond(to request: MethodRequest, status: Int, payload: JSONValue) async throws {
        answers[request.requestId] = (status, payload)
    }

    func settle(lockToken: String, as settlement: CloudToDeviceSettlement) async throws {
        settlements[lockToken] = settlement
    }

    func disconnect() async {
        isDisconnected = true
        deliver.finish()
    }
}

/// A hub that knows some devices and hands out test connections.
actor TestHub: SimulationHub {
    private let known: Set<String>
    private(set) var connections: [String: TestConnection] = [:]

    init(devices: Set<String>) {
        known = devices
    }

    func connectSimulatedDevice(_ sender: MessageSender) async throws -> any SimulatedDeviceConnection {
        guard known.contains(sender.deviceId) else { throw HubError.deviceNotFound(deviceId: sender.deviceId) }
        let connection = TestConnection()
        connections[sender.key] = connection
        return connection
    }

    func connection(_ key: String) -> TestConnection? { connections[key] }
}

/// The events of one simulated device, read in order by a test.
struct EventLog {
    let stream: AsyncStream<SimulationEvent>
    let observer: @Sendable (SimulationEvent) -> Void
    private var iterator: AsyncStream<SimulationEvent>.Iterator

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: SimulationEvent.self)
        self.stream = stream
        observer = { continuation.yield($0) }
        iterator = stream.makeAsyncIterator()
    }

    /// The next event `match` accepts, skipping others.
    mutating func next<T>(_ match: (SimulationEvent) -> T?) async -> T? {
        while let event = await iterator.next() {
            if let found = match(event) { return found }
        }
        return nil
    }
}
