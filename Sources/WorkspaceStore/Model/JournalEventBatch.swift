import Foundation

/// Journal events of one time, kind and scope, packed as they are appended: a telemetry batch's
/// `MessageRouted` events.
///
/// The engine writes each event's payload into a buffer it reuses and appends it here, in the
/// layout a `journal` row of several events keeps (`JournalChunk`: each event's subject and
/// payload as `PackedFields`), so an event costs one copy of its bytes instead of a `Data` of its
/// own, a `JournalDraft` and a second copy when the row is packed.
public struct JournalEventBatch: Sendable {
    public let time: Date
    public let kind: String
    public let scope: String
    /// Each event's subject and payload, each behind its length.
    private(set) var fields = PackedFields(capacity: 0)
    /// Where each event's subject field starts in `fields`, where its subject's text starts
    /// after the length, where its payload field starts, and where the payload's bytes start.
    private(set) var eventStarts: [Int] = []
    private var subjectStarts: [Int] = []
    private var payloadFieldStarts: [Int] = []
    private var payloadStarts: [Int] = []

    public init(time: Date, kind: String, scope: String) {
        self.time = time
        self.kind = kind
        self.scope = scope
    }

    /// How many events the batch holds.
    public var count: Int { eventStarts.count }

    /// Appends one event.
    public mutating func append(subject: String, payload: [UInt8]) {
        eventStarts.append(fields.bytes.count)
        var subject = subject
        subject.withUTF8 { utf8 in
            fields.appendLength(utf8.count)
            subjectStarts.append(fields.bytes.count)
            fields.appendBytes(utf8)
        }
        payloadFieldStarts.append(fields.bytes.count)
        fields.appendLength(payload.count)
        payloadStarts.append(fields.bytes.count)
        fields.appendBytes(payload)
    }

    /// The subject and payload of event `index`, as a row of one keeps them.
    func event(at index: Int) -> (subject: String, payload: Data) {
        let end = index + 1 < count ? eventStarts[index + 1] : fields.bytes.count
        return fields.bytes.withUnsafeBufferPointer { bytes in
            (String(decoding: UnsafeBufferPointer(rebasing: bytes[subjectStarts[index]..<payloadFieldStarts[index]]), as: UTF8.self),
             Data(buffer: UnsafeBufferPointer(rebasing: bytes[payloadStarts[index]..<end])))
        }
    }

    /// The packed subjects and payloads of the events `range`, as a row of several keeps them.
    func rowPayload(_ range: Range<Int>) -> Data {
        let end = range.upperBound < count ? eventStarts[range.upperBound] : fields.bytes.count
        return fields.bytes.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[eventStarts[range.lowerBound]..<end])) }
    }
}
