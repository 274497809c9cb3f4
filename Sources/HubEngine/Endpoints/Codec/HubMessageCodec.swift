import Foundation
import JSONValue

/// The compact binary form of a `HubMessage` that endpoint streams store.
///
/// Every routed message is encoded once per endpoint on the ingest path (the 200,000-a-second
/// budget), and decoded by readers in other processes, so the format is a flat byte layout
/// rather than JSON: a version byte, a bit set of the optional system properties present, those
/// strings, the stamped fields, the application properties and the body. Strings and byte runs
/// are length-prefixed with LEB128 varints; dates are the bit pattern of their reference-date
/// seconds, so they come back exactly.
public enum HubMessageCodec {
    /// The layout's version; a reader refuses others instead of misreading them.
    static let version: UInt8 = 1

    /// The message's bytes as an endpoint stream stores them.
    public static func encode(_ message: HubMessage) -> Data {
        // Room for the stamped properties (the auth method alone is about 70 bytes) and a few
        // application properties, so the buffer is allocated once.
        var writer = ByteWriter(capacity: 192 + 48 * message.applicationProperties.count + message.body.count)
        write(message, to: &writer)
        return Data(writer.bytes)
    }

    /// Appends the message's encoding to `writer`: how ingest encodes into a buffer it reuses
    /// for every message of a batch.
    static func write(_ message: HubMessage, to writer: inout ByteWriter) {
        writer.bytes.append(version)
        let system = message.systemProperties
        // The optional properties in their bit order, walked twice (presence bits, then values)
        // without gathering them in an array per message.
        func eachOptional(_ body: (Int, String?) -> Void) {
            body(0, system.messageId)
            body(1, system.correlationId)
            body(2, system.userId)
            body(3, system.contentType)
            body(4, system.contentEncoding)
            body(5, system.connectionDeviceId)
            body(6, system.connectionModuleId)
            body(7, system.connectionAuthMethod)
            body(8, system.connectionAuthGenerationId)
        }
        var present: UInt16 = 0
        eachOptional { bit, value in if value != nil { present |= 1 << bit } }
        if system.absoluteExpiryTime != nil { present |= 1 << 9 }
        writer.varint(UInt64(present))
        eachOptional { _, value in if let value { writer.string(value) } }
        if let expiry = system.absoluteExpiryTime { writer.date(expiry) }
        writer.date(system.enqueuedTime)
        writer.string(system.messageSource)
        writer.varint(UInt64(message.applicationProperties.count))
        for (name, value) in message.applicationProperties {
            writer.string(name)
            writer.string(value)
        }
        writer.varint(UInt64(message.body.count))
        writer.bytes.append(contentsOf: message.body)
    }

    /// The message encoded in `data`.
    /// - Throws: `HubMessageCodec.Malformed` saying what was wrong and at which byte.
    public static func decode(_ data: Data) throws(Malformed) -> HubMessage {
        var reader = ByteReader(bytes: [UInt8](data))
        let found = try reader.byte()
        guard found == version else { throw Malformed(offset: 0, reason: "layout version \(found), expected \(version)") }
        let present = try reader.varint()
        func optional(_ bit: Int) throws(Malformed) -> String? {
            present & (1 << UInt64(bit)) != 0 ? try reader.string() : nil
        }
        let messageId = try optional(0)
        let correlationId = try optional(1)
        let userId = try optional(2)
        let contentType = try optional(3)
        let contentEncoding = try optional(4)
        let deviceId = try optional(5)
        let moduleId = try optional(6)
        let authMethod = try optional(7)
        let generationId = try optional(8)
        let expiry = present & (1 << 9) != 0 ? try reader.date() : nil
        let enqueuedTime = try reader.date()
        let source = try reader.string()
        let system = MessageSystemProperties(
            messageId: messageId, correlationId: correlationId, userId: userId, contentType: contentType,
            contentEncoding: contentEncoding, absoluteExpiryTime: expiry, connectionDeviceId: deviceId,
            connectionModuleId: moduleId, connectionAuthMethod: authMethod, connectionAuthGenerationId: generationId,
            enqueuedTime: enqueuedTime, messageSource: source)
        let propertyCount = try reader.count()
        var properties: OrderedDictionary<String, String> = [:]
        properties.reserveCapacity(propertyCount)
        for _ in 0..<propertyCount {
            let name = try reader.string()
            properties[name] = try reader.string()
        }
        let body = try reader.run(length: reader.count())
        guard reader.isAtEnd else { throw Malformed(offset: reader.offset, reason: "bytes after the body") }
        return HubMessage(body: body, systemProperties: system, applicationProperties: properties)
    }

    /// Bytes that are not a message of this layout.
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        /// Where in the bytes reading failed.
        public var offset: Int
        public var reason: String

        public var description: String { "\(reason) at byte \(offset)" }
    }
}
