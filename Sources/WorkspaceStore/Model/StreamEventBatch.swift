import Foundation

/// Events for one partition, all enqueued at one instant, packed as they are appended: what an
/// ingest batch writes to each partition it touches.
///
/// The engine appends each encoded message straight into the batch's buffer, in the layout a
/// `stream_event` row of several events keeps (`PackedFields`), so a message costs one copy of
/// its bytes instead of a `Data` of its own, a `StreamEventDraft` and a second copy when the row
/// is packed. Rows are cut from the buffer at most `StreamChunk.maximumEvents` at a time.
public struct StreamEventBatch: Sendable {
    public let enqueuedAt: Date
    /// Each event's length (as a varint) and bytes, one after another.
    private(set) var fields = PackedFields(capacity: 0)
    /// Where each event's field starts in `fields`, and where its bytes start after the length.
    private(set) var fieldStarts: [Int] = []
    private(set) var payloadStarts: [Int] = []

    public init(enqueuedAt: Date) {
        self.enqueuedAt = enqueuedAt
    }

    /// How many events the batch holds.
    public var count: Int { fieldStarts.count }

    /// Appends one event's payload.
    public mutating func append(_ payload: [UInt8]) {
        fieldStarts.append(fields.bytes.count)
        fields.appendLength(payload.count)
        payloadStarts.append(fields.bytes.count)
        fields.appendBytes(payload)
    }

    /// The payload of a row holding the events `range`: one event's bytes as they are, or the
    /// packed fields of several (see `StreamChunk`).
    func rowPayload(_ range: Range<Int>) -> Data {
        let end = range.upperBound < count ? fieldStarts[range.upperBound] : fields.bytes.count
        let start = range.count == 1 ? payloadStarts[range.lowerBound] : fieldStarts[range.lowerBound]
        return fields.bytes.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}
