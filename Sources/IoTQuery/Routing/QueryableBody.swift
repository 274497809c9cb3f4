import Foundation
import JSONValue

/// A message body as a routing condition's `$body` sees it: a JSON document, or the reason it
/// cannot be read.
///
/// Azure evaluates `$body` only when the message's content type is `application/json` and its
/// content encoding UTF-8, UTF-16 or UTF-32; otherwise (or when the body is not valid JSON in
/// that encoding) every `$body` reference is undefined, and the route still sees the message's
/// properties. UTF-16 and UTF-32 bodies follow their byte-order mark, and without one are read
/// little-endian, as .NET's `Encoding.Unicode` and `Encoding.UTF32` (what the C# samples use)
/// write them.
enum QueryableBody: Sendable {
    case document(JSONValue)
    case unavailable(reason: String)

    init(_ message: RoutedMessage) {
        let contentType = MessageSystemProperty.contentType.value(in: message.systemProperties)
        let contentEncoding = MessageSystemProperty.contentEncoding.value(in: message.systemProperties)
        guard let contentType, contentType.trimmingWhitespace.equalsIgnoringCase("application/json") else {
            let found = contentType.map { "is '\($0)'" } ?? "is not set"
            self = .unavailable(reason: "$body can be read only when the content type is application/json; this message's content type \(found)")
            return
        }
        let encoding = contentEncoding.flatMap { TextEncoding(rawValue: $0.trimmingWhitespace.lowercased()) }
        guard let encoding else {
            let found = contentEncoding.map { "is '\($0)'" } ?? "is not set"
            self = .unavailable(reason: "$body can be read only when the content encoding is UTF-8, UTF-16 or UTF-32; this message's content encoding \(found)")
            return
        }
        guard let utf8 = encoding.utf8(from: message.body) else {
            self = .unavailable(reason: "the body is not valid \(encoding.displayName) text")
            return
        }
        do {
            self = .document(try JSONValue(parsing: utf8))
        } catch {
            self = .unavailable(reason: "the body is not valid JSON (\(error))")
        }
    }

    /// The content encodings Azure lets a condition read `$body` in.
    enum TextEncoding: String {
        case utf8 = "utf-8"
        case utf16 = "utf-16"
        case utf32 = "utf-32"

        var displayName: String { rawValue.uppercased() }

        /// The body as UTF-8 without a byte-order mark; `nil` when it is not valid in this encoding.
        func utf8(from bytes: [UInt8]) -> [UInt8]? {
            switch self {
            case .utf8:
                return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            case .utf16:
                guard bytes.count.isMultiple(of: 2) else { return nil }
                let bigEndian = bytes.starts(with: [0xFE, 0xFF])
                let skip = bigEndian || bytes.starts(with: [0xFF, 0xFE]) ? 2 : 0
                let units = stride(from: skip, to: bytes.count, by: 2).map { offset in
                    let (high, low) = bigEndian ? (bytes[offset], bytes[offset + 1]) : (bytes[offset + 1], bytes[offset])
                    return UInt16(high) << 8 | UInt16(low)
                }
                return String(validating: units, as: UTF16.self).map { Array($0.utf8) }
            case .utf32:
                guard bytes.count.isMultiple(of: 4) else { return nil }
                let bigEndian = bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
                let skip = bigEndian || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) ? 4 : 0
                let units = stride(from: skip, to: bytes.count, by: 4).map { offset in
                    let word = bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    return bigEndian ? word : word.byteSwapped
                }
                return String(validating: units, as: UTF32.self).map { Array($0.utf8) }
            }
        }
    }
}
