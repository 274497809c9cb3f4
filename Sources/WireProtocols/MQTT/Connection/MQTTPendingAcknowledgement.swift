import HubEngine

/// A telemetry PUBLISH handed to the hub: the PUBACK to send (none at QoS 0) once it is durable.
struct MQTTPendingAcknowledgement: Sendable {
    let packetId: UInt16?
    let telemetry: PendingTelemetry
}
