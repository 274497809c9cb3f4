import MQTTCodec
import NIOCore
import Testing

@Suite struct MQTTRoundTripTests {
    static let packets: [MQTTPacket] = [
        .connect(MQTTConnect(clientId: "dev-1", cleanSession: false, keepAlive: 60, username: "hub.azure-devices.net/dev-1/?api-version=2021-04-12", password: Array("SharedAccessSignature sr=x".utf8))),
        .connect(MQTTConnect(clientId: "dev-1/mod", cleanSession: true, keepAlive: 0, will: .init(topic: "devices/dev-1/messages/events/", payload: [1, 2], qos: .atLeastOnce, retain: true))),
        .connack(MQTTConnAck(sessionPresent: true, returnCode: .accepted)),
        .connack(MQTTConnAck(returnCode: .notAuthorized)),
        .publish(MQTTPublish(topic: "devices/d/messages/events/%24.ct=application%2Fjson", payload: Array("{\"t\":1}".utf8), qos: .atLeastOnce, packetId: 7)),
        .publish(MQTTPublish(topic: "a/b", payload: [], qos: .atMostOnce, retain: true)),
        .publish(MQTTPublish(topic: "é/ü", payload: [0, 255], qos: .exactlyOnce, packetId: 65535, duplicate: true)),
        .puback(packetId: 1), .pubrec(packetId: 2), .pubrel(packetId: 3), .pubcomp(packetId: 4),
        .subscribe(MQTTSubscribe(packetId: 9, subscriptions: [.init(topicFilter: "$iothub/twin/res/#", qos: .atLeastOnce), .init(topicFilter: "x/+", qos: .exactlyOnce)])),
        .suback(MQTTSubAck(packetId: 9, returnCodes: [.granted(.atLeastOnce), .failure])),
        .unsubscribe(MQTTUnsubscribe(packetId: 10, topicFilters: ["$iothub/methods/POST/#"])),
        .unsuback(packetId: 10), .pingreq, .pingresp, .disconnect,
    ]

    @Test(arguments: packets)
    func everyPacketDecodesToWhatWasEncoded(_ packet: MQTTPacket) throws {
        #expect(try MQTTTestBytes.decode(MQTTTestBytes.encode(packet)) == packet)
    }

    @Test func connectMatchesTheBytesPahoSends() throws {
        // paho-mqtt 1.6.1: Client("d1", clean_session=False), username "u", password "p", keepalive 60.
        let bytes: [UInt8] = [0x10, 0x14, 0x00, 0x04] + Array("MQTT".utf8) + [0x04, 0xC0, 0x00, 0x3C, 0x00, 0x02] + Array("d1".utf8)
            + [0x00, 0x01] + Array("u".utf8) + [0x00, 0x01] + Array("p".utf8)
        let expected = MQTTPacket.connect(MQTTConnect(clientId: "d1", cleanSession: false, keepAlive: 60, username: "u", password: Array("p".utf8)))
        #expect(try MQTTTestBytes.decode(bytes) == expected)
        #expect(MQTTTestBytes.encode(expected) == bytes)
    }

    @Test func aPacketSplitAcrossReadsDecodesOnlyWhenComplete() throws {
        let bytes = MQTTTestBytes.encode(.publish(MQTTPublish(topic: "t", payload: Array(repeating: 7, count: 300), qos: .atLeastOnce, packetId: 5)))
        var buffer = ByteBuffer(bytes: bytes.prefix(2))
        #expect(try MQTTPacket.decode(from: &buffer) == nil)
        #expect(buffer.readableBytes == 2)
        buffer.writeBytes(bytes.dropFirst(2).dropLast())
        #expect(try MQTTPacket.decode(from: &buffer) == nil)
        buffer.writeBytes(bytes.suffix(1))
        #expect(try MQTTPacket.decode(from: &buffer) != nil)
        #expect(buffer.readableBytes == 0)
    }

    @Test func twoPacketsInOneReadDecodeInOrder() throws {
        var buffer = ByteBuffer(bytes: MQTTTestBytes.encode(.pingreq) + MQTTTestBytes.encode(.puback(packetId: 3)))
        #expect(try MQTTPacket.decode(from: &buffer) == .pingreq)
        #expect(try MQTTPacket.decode(from: &buffer) == .puback(packetId: 3))
        #expect(try MQTTPacket.decode(from: &buffer) == nil)
    }

    @Test func remainingLengthUsesFourBytesForTheLargestPackets() throws {
        let payload = [UInt8](repeating: 1, count: 2_097_152)
        let bytes = MQTTTestBytes.encode(.publish(MQTTPublish(topic: "t", payload: payload)))
        #expect(Array(bytes[1...4]) == [0x83, 0x80, 0x80, 0x01])
        #expect(try MQTTTestBytes.decode(bytes, maximumSize: 3_000_000) == .publish(MQTTPublish(topic: "t", payload: payload)))
    }
}
