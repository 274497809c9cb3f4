import NIOCore

extension MQTTPacket {
    /// Appends the packet's bytes (fixed header, variable header, payload) to `buffer`.
    ///
    /// Values built in code are trusted to respect the field sizes (strings up to 65,535 bytes);
    /// the server only encodes packets it built from values it checked.
    public func write(to buffer: inout ByteBuffer) {
        // The packets of the hot path (a publish, its PUBACK) are written straight into `buffer`,
        // their length known up front; the others go through a body buffer first.
        switch self {
        case .publish(let publish):
            let topicLength = publish.topic.utf8.count
            let flags = (publish.duplicate ? 0x08 : 0) | publish.qos.rawValue << 1 | (publish.retain ? 0x01 : 0)
            buffer.writeFixedHeader(type.rawValue << 4 | flags, remainingLength: 2 + topicLength + (publish.packetId == nil ? 0 : 2) + publish.payload.count)
            buffer.writeMQTTString(publish.topic)
            if let packetId = publish.packetId { buffer.writeInteger(packetId) }
            buffer.writeBytes(publish.payload)
            return
        case .puback(let packetId), .pubrec(let packetId), .pubrel(let packetId), .pubcomp(let packetId), .unsuback(let packetId):
            buffer.writeFixedHeader(type.rawValue << 4 | (type.requiredFlags ?? 0), remainingLength: 2)
            buffer.writeInteger(packetId)
            return
        case .pingreq, .pingresp, .disconnect:
            buffer.writeFixedHeader(type.rawValue << 4, remainingLength: 0)
            return
        case .connect, .connack, .subscribe, .suback, .unsubscribe:
            break
        }
        var body = ByteBuffer()
        let flags = type.requiredFlags ?? 0
        switch self {
        case .connect(let connect): connect.write(to: &body)
        case .connack(let connack):
            body.writeInteger(UInt8(connack.sessionPresent ? 1 : 0))
            body.writeInteger(connack.returnCode.rawValue)
        case .subscribe(let subscribe):
            body.writeInteger(subscribe.packetId)
            for subscription in subscribe.subscriptions {
                body.writeMQTTString(subscription.topicFilter)
                body.writeInteger(subscription.qos.rawValue)
            }
        case .suback(let suback):
            body.writeInteger(suback.packetId)
            for code in suback.returnCodes { body.writeInteger(code.byte) }
        case .unsubscribe(let unsubscribe):
            body.writeInteger(unsubscribe.packetId)
            for filter in unsubscribe.topicFilters { body.writeMQTTString(filter) }
        case .publish, .puback, .pubrec, .pubrel, .pubcomp, .unsuback, .pingreq, .pingresp, .disconnect:
            break
        }
        buffer.writeFixedHeader(type.rawValue << 4 | flags, remainingLength: body.readableBytes)
        buffer.writeBuffer(&body)
    }
}

extension MQTTConnect {
    func write(to body: inout ByteBuffer) {
        body.writeMQTTString("MQTT")
        body.writeInteger(protocolLevel)
        var flags: UInt8 = cleanSession ? 0x02 : 0
        if let will {
            flags |= 0x04 | will.qos.rawValue << 3 | (will.retain ? 0x20 : 0)
        }
        if username != nil { flags |= 0x80 }
        if password != nil { flags |= 0x40 }
        body.writeInteger(flags)
        body.writeInteger(keepAlive)
        body.writeMQTTString(clientId)
        if let will {
            body.writeMQTTString(will.topic)
            body.writeMQTTBinary(will.payload)
        }
        if let username { body.writeMQTTString(username) }
        if let password { body.writeMQTTBinary(password) }
    }
}

extension ByteBuffer {
    /// Appends `packet`'s bytes: `MQTTPacket.write(to:)` for a buffer reached through optional
    /// chaining, as when several packets are gathered into one write.
    public mutating func writeMQTTPacket(_ packet: MQTTPacket) {
        packet.write(to: &self)
    }

    /// The first byte, then the remaining length in one to four bytes (§2.2.3).
    mutating func writeFixedHeader(_ first: UInt8, remainingLength: Int) {
        writeInteger(first)
        var length = remainingLength
        repeat {
            var byte = UInt8(length & 0x7F)
            length >>= 7
            if length > 0 { byte |= 0x80 }
            writeInteger(byte)
        } while length > 0
    }

    /// A two-byte big-endian length, then the UTF-8 bytes (§1.5.3).
    mutating func writeMQTTString(_ string: String) {
        writeInteger(UInt16(truncatingIfNeeded: string.utf8.count))
        writeString(string)
    }

    /// A two-byte big-endian length, then the bytes (§1.5.3's binary data).
    mutating func writeMQTTBinary(_ bytes: [UInt8]) {
        writeInteger(UInt16(truncatingIfNeeded: bytes.count))
        writeBytes(bytes)
    }
}
