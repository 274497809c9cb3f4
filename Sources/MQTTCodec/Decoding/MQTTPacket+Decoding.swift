import NIOCore

extension MQTTPacket {
    /// The largest packet the IoT Hub front door accepts: a 256 KB message (Azure's device-to-cloud
    /// limit) plus 16 KB of headroom for the topic and its property bag.
    public static let defaultMaximumSize = 256 * 1024 + 16 * 1024

    /// Takes one whole packet from the front of `buffer`, or returns `nil` (consuming nothing) when
    /// the packet is not complete yet.
    ///
    /// A packet announced larger than `maximumSize` is refused as soon as its length is known,
    /// before its body arrives, so a client cannot make the server buffer an oversized packet.
    public static func decode(from buffer: inout ByteBuffer, maximumSize: Int = defaultMaximumSize) throws(MQTTDecodingError) -> MQTTPacket? {
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return nil }
        var remainingLength = 0
        var headerLength = 1
        while true {
            guard headerLength <= 4 else { throw .remainingLengthTooLong }
            guard let byte = buffer.getInteger(at: buffer.readerIndex + headerLength, as: UInt8.self) else { return nil }
            remainingLength |= Int(byte & 0x7F) << (7 * (headerLength - 1))
            headerLength += 1
            if byte & 0x80 == 0 { break }
        }
        let size = headerLength + remainingLength
        guard size <= maximumSize else { throw .packetTooLarge(size: size, limit: maximumSize) }
        guard buffer.readableBytes >= size,
            let body = buffer.getSlice(at: buffer.readerIndex + headerLength, length: remainingLength)
        else { return nil }
        let packet = try parse(header: first, body: body)
        buffer.moveReaderIndex(forwardBy: size)
        return packet
    }

    /// Parses a packet's variable header and payload once its fixed header is known.
    static func parse(header: UInt8, body: ByteBuffer) throws(MQTTDecodingError) -> MQTTPacket {
        guard let type = MQTTPacketType(rawValue: header >> 4) else { throw .reservedPacketType(header >> 4) }
        let flags = header & 0x0F
        if let required = type.requiredFlags, flags != required { throw .invalidFlags(type: type, flags: flags) }
        var reader = MQTTFieldReader(buffer: body)
        let packet: MQTTPacket
        switch type {
        case .connect: packet = try .connect(MQTTConnect(reading: &reader))
        case .connack: packet = try .connack(MQTTConnAck(reading: &reader))
        case .publish: packet = try .publish(MQTTPublish(flags: flags, reading: &reader))
        case .puback: packet = .puback(packetId: try reader.readPacketId(of: type))
        case .pubrec: packet = .pubrec(packetId: try reader.readPacketId(of: type))
        case .pubrel: packet = .pubrel(packetId: try reader.readPacketId(of: type))
        case .pubcomp: packet = .pubcomp(packetId: try reader.readPacketId(of: type))
        case .subscribe: packet = try .subscribe(MQTTSubscribe(reading: &reader))
        case .suback: packet = try .suback(MQTTSubAck(reading: &reader))
        case .unsubscribe: packet = try .unsubscribe(MQTTUnsubscribe(reading: &reader))
        case .unsuback: packet = .unsuback(packetId: try reader.readPacketId(of: type))
        case .pingreq: packet = .pingreq
        case .pingresp: packet = .pingresp
        case .disconnect: packet = .disconnect
        }
        try reader.requireEnd(of: type)
        return packet
    }
}

extension MQTTConnect {
    init(reading reader: inout MQTTFieldReader) throws(MQTTDecodingError) {
        let name = try reader.readString("protocol name")
        guard name == "MQTT" else { throw .unsupportedProtocolName(name) }
        let level = try reader.readByte("protocol level")
        guard level == 4 else { throw .unsupportedProtocolLevel(level) }
        let flags = try reader.readByte("connect flags")
        guard flags & 0x01 == 0 else { throw .reservedConnectFlagSet }
        let hasWill = flags & 0x04 != 0
        let willQoSBits = (flags >> 3) & 0x03
        let willRetain = flags & 0x20 != 0
        guard let willQoS = MQTTQoS(rawValue: willQoSBits), hasWill || (willQoSBits == 0 && !willRetain) else {
            throw .invalidWillFlags
        }
        let hasUsername = flags & 0x80 != 0
        let hasPassword = flags & 0x40 != 0
        guard hasUsername || !hasPassword else { throw .passwordWithoutUsername }
        let keepAlive = try reader.readUInt16("keep alive")
        let clientId = try reader.readString("client identifier")
        var will: Will?
        if hasWill {
            let topic = try reader.readTopicName("will topic")
            will = try Will(topic: topic, payload: reader.readBinary("will message"), qos: willQoS, retain: willRetain)
        }
        let username = try hasUsername ? reader.readString("user name") : nil
        let password = try hasPassword ? reader.readBinary("password") : nil
        self.init(
            clientId: clientId, cleanSession: flags & 0x02 != 0, keepAlive: keepAlive, will: will,
            username: username, password: password, protocolLevel: level)
    }
}

extension MQTTConnAck {
    init(reading reader: inout MQTTFieldReader) throws(MQTTDecodingError) {
        let flags = try reader.readByte("connect acknowledge flags")
        let code = try reader.readByte("connect return code")
        guard flags & 0xFE == 0, let returnCode = ReturnCode(rawValue: code) else { throw .invalidConnAck }
        self.init(sessionPresent: flags & 0x01 != 0, returnCode: returnCode)
    }
}

extension MQTTPublish {
    init(flags: UInt8, reading reader: inout MQTTFieldReader) throws(MQTTDecodingError) {
        let qosBits = (flags >> 1) & 0x03
        guard let qos = MQTTQoS(rawValue: qosBits) else { throw .invalidQoS(qosBits) }
        let topic = try reader.readTopicName("topic name")
        let packetId = try qos == .atMostOnce ? nil : reader.readPacketId(of: .publish)
        self.init(
            topic: topic, payload: reader.readRest(), qos: qos, packetId: packetId,
            retain: flags & 0x01 != 0, duplicate: flags & 0x08 != 0)
    }
}

extension MQTTSubscribe {
    init(reading reader: inout MQTTFieldReader) throws(MQTTDecodingError) {
        let packetId = try reader.readPacketId(of: .subscribe)
        var subscriptions: [Subscription] = []
        while reader.remaining > 0 {
            let filter = try reader.readTopicFilter()
            let options = try reader.readByte("requested QoS")
            guard options & 0xFC == 0 else { throw .reservedSubscriptionBitsSet(options) }
            guard let qos = MQTTQoS(rawValue: options) else { throw .invalidQoS(options) }
            subscriptions.append(Subscription(topicFilter: filter, qos: qos))
        }
        guard !subscriptions.isEmpty else { throw .noTopicFilters(type: .subscribe) }
        self.init(packetId: packetId, subscriptions: subscriptions)
    }
}

extension MQTTSubAck {
    init(reading reader: inout MQTTFieldReader) throws(MQTTDecodingError) {
        let packetId = try reader.readPacketId(of: .suback)
        var codes: [ReturnCode] = []
        while reader.remaining > 0 {
            let byte = try reader.readByte("return code")
            if byte == 0x80 {
                codes.append(.failure)
            } else if let qos = MQTTQoS(rawValue: byte) {
                codes.append(.granted(qos))
            } else {
                throw .invalidSubAckReturnCode(byte)
            }
        }
        self.init(packetId: packetId, returnCodes: codes)
    }
}

extension MQTTUnsubscribe {
    init(reading reader: inout MQTTFieldReader) throws(MQTTDecodingError) {
        let packetId = try reader.readPacketId(of: .unsubscribe)
        var filters: [String] = []
        while reader.remaining > 0 {
            filters.append(try reader.readTopicFilter())
        }
        guard !filters.isEmpty else { throw .noTopicFilters(type: .unsubscribe) }
        self.init(packetId: packetId, topicFilters: filters)
    }
}
