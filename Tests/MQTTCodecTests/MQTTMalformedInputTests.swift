import MQTTCodec
import Testing

@Suite struct MQTTMalformedInputTests {
    typealias B = MQTTTestBytes

    static func connectBody(name: String = "MQTT", level: UInt8 = 4, flags: UInt8 = 0x02, clientId: String = "d") -> [UInt8] {
        B.string(name) + [level, flags, 0, 60] + B.string(clientId)
    }

    @Test func reservedPacketTypesAreRefused() {
        #expect(throws: MQTTDecodingError.reservedPacketType(0)) { try B.decode([0x00, 0x00]) }
        #expect(throws: MQTTDecodingError.reservedPacketType(15)) { try B.decode([0xF0, 0x00]) }
    }

    @Test func aFifthRemainingLengthByteIsRefused() {
        #expect(throws: MQTTDecodingError.remainingLengthTooLong) { try B.decode([0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]) }
    }

    @Test func aPacketOneByteOverTheLimitIsRefusedBeforeItsBodyArrives() throws {
        let limit = MQTTPacket.defaultMaximumSize
        // 4 length bytes + 1 type byte: a remaining length of limit - 4 makes limit + 1 bytes.
        let over = limit - 4
        let header: [UInt8] = [0x30, UInt8(over & 0x7F) | 0x80, UInt8((over >> 7) & 0x7F) | 0x80, UInt8((over >> 14) & 0x7F) | 0x80, UInt8(over >> 21)]
        #expect(throws: MQTTDecodingError.packetTooLarge(size: limit + 1, limit: limit)) { try B.decode(header) }
        let fits = over - 1
        let atLimit: [UInt8] = [0x30, UInt8(fits & 0x7F) | 0x80, UInt8((fits >> 7) & 0x7F) | 0x80, UInt8((fits >> 14) & 0x7F) | 0x80, UInt8(fits >> 21)]
        #expect(try B.decode(atLimit) == nil)
    }

    @Test func fixedFlagsMustBeTheOnesTheTypeRequires() {
        #expect(throws: MQTTDecodingError.invalidFlags(type: .subscribe, flags: 0)) { try B.decode(B.packet(0x80, [0, 1] + B.string("a") + [1])) }
        #expect(throws: MQTTDecodingError.invalidFlags(type: .pingreq, flags: 1)) { try B.decode([0xC1, 0x00]) }
    }

    @Test func connectMustNameMQTTLevel4() {
        #expect(throws: MQTTDecodingError.unsupportedProtocolName("MQIsdp")) { try B.decode(B.packet(0x10, Self.connectBody(name: "MQIsdp", level: 3))) }
        #expect(throws: MQTTDecodingError.unsupportedProtocolLevel(5)) { try B.decode(B.packet(0x10, Self.connectBody(level: 5))) }
    }

    @Test func connectFlagsFollowTheirRules() {
        #expect(throws: MQTTDecodingError.reservedConnectFlagSet) { try B.decode(B.packet(0x10, Self.connectBody(flags: 0x03))) }
        #expect(throws: MQTTDecodingError.invalidWillFlags) { try B.decode(B.packet(0x10, Self.connectBody(flags: 0x22))) }
        #expect(throws: MQTTDecodingError.invalidWillFlags) { try B.decode(B.packet(0x10, Self.connectBody(flags: 0x1E))) }
        #expect(throws: MQTTDecodingError.passwordWithoutUsername) { try B.decode(B.packet(0x10, Self.connectBody(flags: 0x42))) }
    }

    @Test func aConnectCutShortNamesTheMissingField() {
        #expect(throws: MQTTDecodingError.truncated(field: "user name length")) { try B.decode(B.packet(0x10, Self.connectBody(flags: 0x82))) }
        #expect(throws: MQTTDecodingError.truncated(field: "keep alive")) { try B.decode(B.packet(0x10, B.string("MQTT") + [4, 2, 0])) }
    }

    @Test func topicsMustBeUTF8WithoutNullOrWildcards() {
        #expect(throws: MQTTDecodingError.invalidUTF8(field: "topic name")) { try B.decode(B.packet(0x30, [0, 2, 0xC3, 0x28])) }
        #expect(throws: MQTTDecodingError.invalidUTF8(field: "topic name")) { try B.decode(B.packet(0x30, [0, 2, 0x61, 0x00])) }
        #expect(throws: MQTTDecodingError.wildcardInTopicName("devices/+/x")) { try B.decode(B.packet(0x30, B.string("devices/+/x"))) }
        #expect(throws: MQTTDecodingError.emptyTopic(field: "topic name")) { try B.decode(B.packet(0x30, B.string(""))) }
    }

    @Test func publishQoS3AndPacketIdZeroAreRefused() {
        #expect(throws: MQTTDecodingError.invalidQoS(3)) { try B.decode(B.packet(0x36, B.string("t") + [0, 1])) }
        #expect(throws: MQTTDecodingError.zeroPacketIdentifier(type: .publish)) { try B.decode(B.packet(0x32, B.string("t") + [0, 0])) }
    }

    @Test func subscribeNeedsFiltersAndValidOptions() {
        #expect(throws: MQTTDecodingError.noTopicFilters(type: .subscribe)) { try B.decode(B.packet(0x82, [0, 1])) }
        #expect(throws: MQTTDecodingError.reservedSubscriptionBitsSet(0x05)) { try B.decode(B.packet(0x82, [0, 1] + B.string("a") + [0x05])) }
        #expect(throws: MQTTDecodingError.invalidQoS(3)) { try B.decode(B.packet(0x82, [0, 1] + B.string("a") + [0x03])) }
        #expect(throws: MQTTDecodingError.noTopicFilters(type: .unsubscribe)) { try B.decode(B.packet(0xA2, [0, 1])) }
    }

    @Test func fixedLengthPacketsRefuseExtraBytes() {
        #expect(throws: MQTTDecodingError.unexpectedBytes(type: .puback, count: 1)) { try B.decode(B.packet(0x40, [0, 1, 9])) }
        #expect(throws: MQTTDecodingError.unexpectedBytes(type: .disconnect, count: 2)) { try B.decode(B.packet(0xE0, [0, 0])) }
    }

    @Test func errorsExplainTheRuleWithItsSection() {
        #expect(MQTTDecodingError.unsupportedProtocolLevel(3).description == "protocol level is 3; IoT Hub speaks MQTT 3.1.1, level 4 (§3.1.2.2)")
        #expect(MQTTDecodingError.remainingLengthTooLong.description == "remaining length uses more than 4 bytes (§2.2.3)")
    }
}
