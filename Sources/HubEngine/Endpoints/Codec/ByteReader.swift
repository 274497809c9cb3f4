import Foundation

/// Reads what `ByteWriter` wrote, refusing truncated or oversized fields with the byte offset.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(HubMessageCodec.Malformed) -> UInt8 {
        guard offset < bytes.count else { throw HubMessageCodec.Malformed(offset: offset, reason: "unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(HubMessageCodec.Malformed) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw HubMessageCodec.Malformed(offset: start, reason: "varint longer than 64 bits") }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A varint that counts bytes or entries still to come, so it cannot exceed what is left.
    mutating func count() throws(HubMessageCodec.Malformed) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else {
            throw HubMessageCodec.Malformed(offset: start, reason: "length \(value) exceeds the \(bytes.count - offset) bytes left")
        }
        return Int(value)
    }

    mutating func run(length: Int) throws(HubMessageCodec.Malformed) -> [UInt8] {
        guard length <= bytes.count - offset else { throw HubMessageCodec.Malformed(offset: offset, reason: "unexpected end") }
        defer { offset += length }
        return Array(bytes[offset..<(offset + length)])
    }

    mutating func string() throws(HubMessageCodec.Malformed) -> String {
        let length = try count()
        let start = offset
        guard let text = String(bytes: bytes[start..<(start + length)], encoding: .utf8) else { throw HubMessageCodec.Malformed(offset: start, reason: "invalid UTF-8") }
        offset += length
        return text
    }

    mutating func date() throws(HubMessageCodec.Malformed) -> Date {
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(try byte()) << (8 * UInt64(index)) }
        return Date(timeIntervalSinceReferenceDate: Double(bitPattern: pattern))
    }
}
