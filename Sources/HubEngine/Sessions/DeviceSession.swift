import JSONValue

/// A connected device or module, as a front door or a simulated device holds it.
///
/// The handle keeps no state of its own: the session lives in the hub actor, so a takeover, a
/// disabled device or a deleted identity closes it at once. Every call on a closed session throws
/// `DeviceMessagingError.connectionClosed`, as an operation on a closed MQTT connection fails.
public final class DeviceSession: Sendable {
    /// Who is connected, as the front door authenticated it.
    public let sender: MessageSender
    /// What the hub pushes: cloud-to-device messages, desired patches and method requests for the
    /// topics subscribed to, ending with `.closed(reason)`.
    public let deliveries: AsyncStream<DeviceDelivery>
    let hub: IoTHub
    /// The session's number in the hub's registry; never reused.
    let number: UInt64

    init(hub: IoTHub, sender: MessageSender, number: UInt64, deliveries: AsyncStream<DeviceDelivery>) {
        self.hub = hub
        self.sender = sender
        self.number = number
        self.deliveries = deliveries
    }

    /// Starts the deliveries of `topics`; cloud-to-device messages already waiting are delivered at once.
    public func subscribe(_ topics: Set<DeviceSubscription>) async throws {
        try await hub.subscribe(self, to: topics)
    }

    /// Sends telemetry as this device or module and returns once the hub has made it durable in
    /// every endpoint it was routed to (quota, throttling, size and routing as `IoTHub.ingest`).
    public func send(_ message: DeviceMessage) async throws -> IngestReceipt {
        try await submit(message).receipt
    }

    /// Hands the message to the hub's next group commit and returns at once, so a front door can
    /// keep reading a connection while earlier messages commit. Messages submitted one after the
    /// other (each `submit` awaited before the next) commit in that order.
    /// A message from a session closed before its commit is refused with `connectionClosed`.
    public func submit(_ message: DeviceMessage) -> PendingTelemetry {
        hub.submit([message], from: self)
    }

    /// Hands several messages to the next group commit as one entry, in order, and returns at
    /// once: a front door submits what it decoded from one socket read this way, with one lock,
    /// one handle and one notification for all of them. Each message is still judged on its own
    /// (`PendingTelemetry.settledOutcome(at:)`), as `IoTHub.ingest` judges a batch.
    public func submit(batch messages: [DeviceMessage]) -> PendingTelemetry {
        hub.submit(messages, from: self)
    }

    /// The twin as the device reads it: `{"desired": {…, "$version"}, "reported": {…, "$version"}}`.
    public func twin() async throws -> JSONValue {
        try await hub.sessionTwin(self)
    }

    /// Merges a reported-properties patch (`null` deletes) and returns the new reported `$version`.
    public func updateReported(_ patch: JSONObject) async throws -> Int {
        try await hub.sessionUpdateReported(self, patch: patch)
    }

    /// Journals why a front door is about to close this connection (`ProtocolViolation`).
    public func reportViolation(protocolName: String, rule: String) async {
        await hub.journalProtocolViolation(by: sender, protocolName: protocolName, rule: rule)
    }

    /// Closes the session; the device shows as disconnected. Closing a closed session does nothing.
    public func disconnect() async {
        await hub.disconnect(self)
    }
}

extension DeviceSession {
    /// Answers a direct-method request with a status and a JSON payload (at most 128 KB).
    public func respond(to request: MethodRequest, status: Int, payload: JSONValue) async throws {
        try await hub.respond(from: self, to: request, status: status, payload: payload)
    }

    /// Completes a received cloud-to-device message (MQTT's PUBACK).
    public func complete(lockToken: String) async throws {
        try await hub.settle(.complete, from: self, lockToken: lockToken)
    }

    /// Abandons a received cloud-to-device message; it is delivered again.
    public func abandon(lockToken: String) async throws {
        try await hub.settle(.abandon, from: self, lockToken: lockToken)
    }

    /// Rejects a received cloud-to-device message; it is dead-lettered.
    public func reject(lockToken: String) async throws {
        try await hub.settle(.reject, from: self, lockToken: lockToken)
    }
}
