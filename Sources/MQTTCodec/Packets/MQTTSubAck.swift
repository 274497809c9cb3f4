/// A SUBACK packet (MQTT 3.1.1 §3.9): one granted QoS, or failure, per requested filter.
public struct MQTTSubAck: Sendable, Equatable {
    /// A filter's outcome: the QoS granted, or `failure` (0x80).
    public enum ReturnCode: Sendable, Equatable {
        case granted(MQTTQoS)
        case failure

        var byte: UInt8 {
            switch self {
            case .granted(let qos): qos.rawValue
            case .failure: 0x80
            }
        }
    }

    public var packetId: UInt16
    public var returnCodes: [ReturnCode]

    public init(packetId: UInt16, returnCodes: [ReturnCode]) {
        self.packetId = packetId
        self.returnCodes = returnCodes
    }
}
