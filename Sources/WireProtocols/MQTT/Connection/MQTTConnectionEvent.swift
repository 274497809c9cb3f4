import HubEngine
import MQTTCodec

/// What a connection reacts to, in the one order it happened: a packet from the client, the end
/// of the client's byte stream, or something the hub pushes to the session.
enum MQTTConnectionEvent: Sendable {
    case packet(MQTTPacket)
    /// The client's stream ended: cleanly (`nil`) or with a decoding or transport error.
    case inboundEnded((any Error)?)
    case delivery(DeviceDelivery)
}
