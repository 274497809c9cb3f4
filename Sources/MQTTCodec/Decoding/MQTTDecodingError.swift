/// Why bytes are not a valid MQTT 3.1.1 packet, naming the rule broken (and its section of the
/// specification), so a learner's hand-written client can be fixed from the message alone.
///
/// The server closes the connection on any of these, as MQTT requires (§4.8); an unsupported
/// protocol level is answered with CONNACK 1 first (§3.1.2.2).
public enum MQTTDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Types 0 and 15 are reserved (§2.2.1).
    case reservedPacketType(UInt8)
    /// The fixed header's flags nibble is not the one the type requires (§2.2.2).
    case invalidFlags(type: MQTTPacketType, flags: UInt8)
    /// The remaining length uses more than four bytes (§2.2.3).
    case remainingLengthTooLong
    /// The packet is larger than the server accepts.
    case packetTooLarge(size: Int, limit: Int)
    /// The packet ends before `field` is complete.
    case truncated(field: String)
    /// Bytes follow the last field of a packet whose length is fixed by its type.
    case unexpectedBytes(type: MQTTPacketType, count: Int)
    /// The CONNECT protocol name is not `MQTT` (§3.1.2.1).
    case unsupportedProtocolName(String)
    /// The CONNECT protocol level is not 4, MQTT 3.1.1 (§3.1.2.2); the server answers CONNACK 1.
    case unsupportedProtocolLevel(UInt8)
    /// CONNECT flag bit 0 is reserved and must be 0 (§3.1.2.3).
    case reservedConnectFlagSet
    /// The will QoS is 3, or will QoS/retain are set without the will flag (§3.1.2.6, §3.1.2.7).
    case invalidWillFlags
    /// The password flag is set without the user name flag (§3.1.2.9).
    case passwordWithoutUsername
    /// A QoS of 3 (§3.3.1.2, §3.8.3.1).
    case invalidQoS(UInt8)
    /// `field` is not well-formed UTF-8, or holds U+0000 (§1.5.3).
    case invalidUTF8(field: String)
    /// A topic name (as opposed to a filter) holds `+` or `#` (§3.3.2.1).
    case wildcardInTopicName(String)
    /// A topic name or filter is empty (§4.7.3).
    case emptyTopic(field: String)
    /// A packet identifier of 0 (§2.3.1).
    case zeroPacketIdentifier(type: MQTTPacketType)
    /// A SUBSCRIBE or UNSUBSCRIBE with no topic filter (§3.8.3, §3.10.3).
    case noTopicFilters(type: MQTTPacketType)
    /// The reserved upper bits of a subscription's QoS byte are set (§3.8.3.1).
    case reservedSubscriptionBitsSet(UInt8)
    /// A SUBACK return code other than 0, 1, 2 or 0x80 (§3.9.3).
    case invalidSubAckReturnCode(UInt8)
    /// A CONNACK return code above 5, or reserved acknowledge flags set (§3.2.2).
    case invalidConnAck

    public var description: String {
        switch self {
        case .reservedPacketType(let type):
            "packet type \(type) is reserved (MQTT 3.1.1 §2.2.1)"
        case .invalidFlags(let type, let flags):
            "\(type) packet has flags 0b\(String(flags, radix: 2)); the specification requires 0b\(String(type.requiredFlags ?? 0, radix: 2)) (§2.2.2)"
        case .remainingLengthTooLong:
            "remaining length uses more than 4 bytes (§2.2.3)"
        case .packetTooLarge(let size, let limit):
            "packet is \(size) bytes; the maximum accepted is \(limit) bytes (IoT Hub messages are at most 256 KB)"
        case .truncated(let field):
            "packet ends before its \(field) is complete"
        case .unexpectedBytes(let type, let count):
            "\(type) packet has \(count) unexpected bytes after its last field"
        case .unsupportedProtocolName(let name):
            "protocol name is '\(name)'; MQTT 3.1.1 requires 'MQTT' (§3.1.2.1)"
        case .unsupportedProtocolLevel(let level):
            "protocol level is \(level); IoT Hub speaks MQTT 3.1.1, level 4 (§3.1.2.2)"
        case .reservedConnectFlagSet:
            "CONNECT flag bit 0 is reserved and must be 0 (§3.1.2.3)"
        case .invalidWillFlags:
            "will QoS must be 0, 1 or 2, and will QoS and retain must be 0 without the will flag (§3.1.2.6, §3.1.2.7)"
        case .passwordWithoutUsername:
            "password flag is set without the user name flag (§3.1.2.9)"
        case .invalidQoS(let qos):
            "QoS \(qos) does not exist; it must be 0, 1 or 2 (§4.3)"
        case .invalidUTF8(let field):
            "\(field) is not well-formed UTF-8 without U+0000 (§1.5.3)"
        case .wildcardInTopicName(let topic):
            "topic name '\(topic)' holds a wildcard; only subscriptions may use + and # (§3.3.2.1)"
        case .emptyTopic(let field):
            "\(field) is empty; topics are at least one character (§4.7.3)"
        case .zeroPacketIdentifier(let type):
            "\(type) packet has packet identifier 0; identifiers are 1 to 65535 (§2.3.1)"
        case .noTopicFilters(let type):
            "\(type) packet names no topic filter; at least one is required (§3.8.3, §3.10.3)"
        case .reservedSubscriptionBitsSet(let byte):
            "subscription options byte 0x\(String(byte, radix: 16)) sets reserved bits (§3.8.3.1)"
        case .invalidSubAckReturnCode(let code):
            "SUBACK return code 0x\(String(code, radix: 16)) is not 0, 1, 2 or 0x80 (§3.9.3)"
        case .invalidConnAck:
            "CONNACK has reserved flags set or a return code above 5 (§3.2.2)"
        }
    }
}
