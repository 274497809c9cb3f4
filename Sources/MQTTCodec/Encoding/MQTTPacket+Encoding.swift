import NIOCore

extension MQTTPacket {
    /// Appends the packet's bytes (fixed header, variable header, payload) to `buffer`.
    ///
    /// Values built in code are trusted to respect the field sizes (strings up to 65,535 bytes);
    /// the server only encodes packets it built from values it checked.
    public func write(to buffer: inout ByteBuffer) {
        var body = ByteBuffer()
        var flags = type.requiredFlags ?? 0
        switch self {
        case .connect(let connect): connect.write(to: &body)
        case .connack(let connack):
            body.writeInteger(UInt8(connack.sessionPresent ? 1 : 0))
            body.writeInteger(connack.returnCode.rawValue)
        case .publish(let publish):
            flags = (publish.duplicate ? 0x08 : 0) | publish.qos.rawValue << 1 | (publish.retain ? 0x01 : 0)
            body.writeMQTTString(publish.topic)
            if let packetId = publish.packetId { body.writeInteger(packetId) }
            body.writeBytes(publish.payload)
        case .puback(let packetId), .pubrec(let packetId), .pubrel(let packetId), .pubcomp(let packetId),
            .unsuback(let packetId):
            body.writeInteger(packetId)
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
        case .pingreq, .pingresp, .disconnect:
            break
        }
        buffer.writeInteger(type.rawValue << 4 | flags)
        var length = body.readableBytes
        repeat {
            var byte = UInt8(length & 0x7F)
            length >>= 7
            if length > 0 { byte |= 0x80 }
            buffer.writeInteger(byte)
        } while length > 0
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
    /// A two-byte big-endian length, then the UTF-8 bytes (§1.5.3).
    mutating func writeMQTTString(_ string: String) {
        writeMQTTBinary(Array(string.utf8))
    }

    /// A two-byte big-endian length, then the bytes (§1.5.3's binary data).
    mutating func writeMQTTBinary(_ bytes: [UInt8]) {
        writeInteger(UInt16(truncatingIfNeeded: bytes.count))
        writeBytes(bytes)
    }
}
