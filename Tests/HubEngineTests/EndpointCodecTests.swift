import Foundation
@testable import HubEngine
import JSONValue
import Testing

@Suite struct EndpointCodecTests {
    static let fullMessage = HubMessage(
        body: Array(#"{"temperature":21.5}"#.utf8),
        systemProperties: MessageSystemProperties(
            messageId: "m-1", correlationId: "c-1", userId: "user", contentType: "application/json", contentEncoding: "utf-8",
            absoluteExpiryTime: Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_7), connectionDeviceId: "sensör-1",
            connectionModuleId: "module-a", connectionAuthMethod: #"{"scope":"device","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}"#,
            connectionAuthGenerationId: "638000000000000000", enqueuedTime: Date(timeIntervalSinceReferenceDate: 812_345_600.685_123_4),
            messageSource: "Telemetry"),
        applicationProperties: ["temperatureAlert": "true", "z": "", "a": "ünïcode"])

    @Test func everyFieldSurvivesTheRoundTripExactly() throws {
        let decoded = try HubMessageCodec.decode(HubMessageCodec.encode(Self.fullMessage))
        #expect(decoded == Self.fullMessage)
        #expect(Array(decoded.applicationProperties.keys) == ["temperatureAlert", "z", "a"])
    }

    @Test func absentOptionalPropertiesStayAbsent() throws {
        let bare = HubMessage(body: [], systemProperties: MessageSystemProperties(enqueuedTime: Date(timeIntervalSince1970: 0), messageSource: "twinChangeEvents"))
        let decoded = try HubMessageCodec.decode(HubMessageCodec.encode(bare))
        #expect(decoded == bare)
        #expect(decoded.systemProperties.messageId == nil && decoded.systemProperties.absoluteExpiryTime == nil)
    }

    @Test func aBinaryBodyKeepsEveryByte() throws {
        var message = Self.fullMessage
        message.body = (0...255).map(UInt8.init) + Array(repeating: 0, count: 70_000)
        #expect(try HubMessageCodec.decode(HubMessageCodec.encode(message)).body == message.body)
    }

    @Test func truncatedBytesAreRefusedWithTheirOffset() throws {
        let encoded = HubMessageCodec.encode(Self.fullMessage)
        #expect(throws: HubMessageCodec.Malformed(offset: 3, reason: "length 3 exceeds the 1 bytes left")) {
            try HubMessageCodec.decode(encoded.prefix(5))
        }
        let cut = encoded.prefix(encoded.count - 1)
        #expect(throws: HubMessageCodec.Malformed.self) { try HubMessageCodec.decode(cut) }
    }

    @Test func anotherLayoutVersionIsRefused() throws {
        var encoded = HubMessageCodec.encode(Self.fullMessage)
        encoded[encoded.startIndex] = 9
        #expect(throws: HubMessageCodec.Malformed(offset: 0, reason: "layout version 9, expected 1")) {
            try HubMessageCodec.decode(encoded)
        }
    }

    @Test func trailingBytesAreRefused() throws {
        let encoded = HubMessageCodec.encode(Self.fullMessage) + Data([0])
        #expect(throws: HubMessageCodec.Malformed(offset: encoded.count - 1, reason: "bytes after the body")) {
            try HubMessageCodec.decode(encoded)
        }
    }
}
