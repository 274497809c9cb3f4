import Foundation

/// Several byte fields stored in one BLOB, each behind its length as a LEB128 varint.
///
/// Stream and journal rows that hold a batch of events (see `StreamChunk` and `JournalChunk`)
/// keep their events' own fields this way. Fields are appended straight into one buffer as the
/// events arrive (`StreamEventBatch`, `JournalEventBatch`), since a row is packed for every
/// partition and batch on the ingest path.
struct PackedFields {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `field`'s bytes without their length, after an `appendLength` of their count.
    mutating func appendBytes(_ field: some Collection<UInt8>) {
        bytes.append(contentsOf: field)
    }

    /// Appends a field's length, the varint its bytes follow.
    mutating func appendLength(_ count: Int) {
        var length = UInt64(count)
        while length >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        bytes.append(UInt8(length))
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
