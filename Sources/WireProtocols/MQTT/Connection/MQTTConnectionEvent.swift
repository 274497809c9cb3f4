import HubEngine
import MQTTCodec

/// What a connection's task reacts to, in the one order it happened: a packet the event loop's
/// `MQTTConnectionHandler` passed on (anything but telemetry once connected), the end of the
/// client's byte stream, or something the hub pushes to the session.
enum MQTTConnectionEvent: Sendable {
    case packet(MQTTPacket)
    /// The client's stream ended: cleanly (`nil`) or with a decoding or transport error.
    case inboundEnded((any Error)?)
    case delivery(DeviceDelivery)
}
