import Foundation

/// Several byte fields stored in one BLOB, each behind its length as a LEB128 varint.
///
/// Stream and journal rows that hold a batch of events (see `Database.appendStreamEvents` and
/// `Database.insertJournal(contentsOf:)`) keep their events' own fields this way.
enum PackedFields {
    /// `fields` one after another, each behind its length.
    static func pack(_ fields: [Data]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + $1.count + 3 })
        for field in fields {
            var length = UInt64(field.count)
            while length >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
                length >>= 7
            }
            bytes.append(UInt8(length))
            bytes.append(contentsOf: field)
        }
        return Data(bytes)
    }

    /// The `count` fields packed in `data`; `nil` when it does not hold exactly that many.
    static func unpack(_ data: Data, count: Int) -> [Data]? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Data]? in
            var fields: [Data] = []
            fields.reserveCapacity(count)
            var offset = 0
            while fields.count < count {
                var length = 0
                var shift = 0
                while true {
                    guard offset < raw.count, shift < 63 else { return nil }
                    let byte = raw[offset]
                    offset += 1
                    length |= Int(byte & 0x7F) << shift
                    shift += 7
                    if byte < 0x80 { break }
                }
                guard length <= raw.count - offset else { return nil }
                fields.append(Data(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length])))
                offset += length
            }
            return offset == raw.count ? fields : nil
        }
    }
}
