/// The fourteen MQTT 3.1.1 control packet types, numbered as the fixed header's high nibble
/// carries them (MQTT 3.1.1 §2.2.1).
public enum MQTTPacketType: UInt8, Sendable, CaseIterable {
    case connect = 1
    case connack = 2
    case publish = 3
    case puback = 4
    case pubrec = 5
    case pubrel = 6
    case pubcomp = 7
    case subscribe = 8
    case suback = 9
    case unsubscribe = 10
    case unsuback = 11
    case pingreq = 12
    case pingresp = 13
    case disconnect = 14

    /// The flags nibble the specification fixes for this type, or `nil` for PUBLISH, whose flags
    /// carry DUP, QoS and RETAIN. A packet with other flags is malformed (§2.2.2).
    public var requiredFlags: UInt8? {
        switch self {
        case .publish: nil
        case .pubrel, .subscribe, .unsubscribe: 0b0010
        default: 0
        }
    }
}
