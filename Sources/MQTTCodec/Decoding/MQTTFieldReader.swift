import NIOCore

/// Reads the fields of one packet's variable header and payload, throwing the rule broken when
/// the bytes run out or a string is not UTF-8; the packet's bytes are already isolated, so a
/// field can never read into the next packet.
struct MQTTFieldReader {
    var buffer: ByteBuffer

    var remaining: Int { buffer.readableBytes }

    mutating func readByte(_ field: String) throws(MQTTDecodingError) -> UInt8 {
        guard let byte = buffer.readInteger(as: UInt8.self) else { throw .truncated(field: field) }
        return byte
    }

    mutating func readUInt16(_ field: String) throws(MQTTDecodingError) -> UInt16 {
        guard let value = buffer.readInteger(endianness: .big, as: UInt16.self) else { throw .truncated(field: field) }
        return value
    }

    /// A packet identifier, which is never 0.
    mutating func readPacketId(of type: MQTTPacketType) throws(MQTTDecodingError) -> UInt16 {
        let id = try readUInt16("packet identifier")
        guard id != 0 else { throw .zeroPacketIdentifier(type: type) }
        return id
    }

    /// Two length bytes, then that many bytes.
    mutating func readBinary(_ field: String) throws(MQTTDecodingError) -> [UInt8] {
        let length = try readLength(of: field)
        guard let bytes = buffer.readBytes(length: length) else { throw .truncated(field: field) }
        return bytes
    }

    /// A length-prefixed UTF-8 string with no U+0000 (§1.5.3), validated in place and copied once.
    mutating func readString(_ field: String) throws(MQTTDecodingError) -> String {
        try readString(field, refusingWildcards: false)
    }

    /// Reads a string; `refusingWildcards` looks for `+` and `#` among its bytes while they are
    /// validated, rather than walking the string's characters afterwards.
    private mutating func readString(_ field: String, refusingWildcards: Bool) throws(MQTTDecodingError) -> String {
        let length = try readLength(of: field)
        guard let bytes = buffer.readSlice(length: length) else { throw .truncated(field: field) }
        let (string, hasWildcard) = bytes.withUnsafeReadableBytes { raw -> (String?, Bool) in
            let codeUnits = raw.assumingMemoryBound(to: UInt8.self)
            guard !codeUnits.contains(0) else { return (nil, false) }
            let hasWildcard = refusingWildcards && codeUnits.contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "#") }
            return (String(validating: codeUnits, as: UTF8.self), hasWildcard)
        }
        guard let string else { throw .invalidUTF8(field: field) }
        if hasWildcard { throw .wildcardInTopicName(string) }
        return string
    }

    /// The two-byte length before a string or binary field; the field's name is only spelled
    /// out for the error, not on every packet.
    private mutating func readLength(of field: String) throws(MQTTDecodingError) -> Int {
        guard let length = buffer.readInteger(endianness: .big, as: UInt16.self) else { throw .truncated(field: field + " length") }
        return Int(length)
    }

    /// A topic name a message is published to: not empty, and without the wildcards only
    /// subscriptions may use (§3.3.2.1, §4.7.3).
    mutating func readTopicName(_ field: String) throws(MQTTDecodingError) -> String {
        let topic = try readString(field, refusingWildcards: true)
        guard !topic.isEmpty else { throw .emptyTopic(field: field) }
        return topic
    }

    /// A SUBSCRIBE or UNSUBSCRIBE topic filter, which is never empty (§4.7.3).
    mutating func readTopicFilter() throws(MQTTDecodingError) -> String {
        let filter = try readString("topic filter")
        guard !filter.isEmpty else { throw .emptyTopic(field: "topic filter") }
        return filter
    }

    /// Everything left: a PUBLISH payload.
    mutating func readRest() -> [UInt8] {
        buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    /// Refuses bytes after the last field of a fixed-length packet.
    func requireEnd(of type: MQTTPacketType) throws(MQTTDecodingError) {
        guard remaining == 0 else { throw .unexpectedBytes(type: type, count: remaining) }
    }
}
