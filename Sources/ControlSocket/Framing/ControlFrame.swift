import Foundation
import NIOCore

/// The wire format of the control socket: each message is a 4-byte big-endian length followed by
/// that many bytes of JSON.
///
/// A length prefix lets either side read a whole message without scanning for a delimiter, and the
/// bound keeps a confused or hostile peer from making the reader buffer without limit.
enum ControlFrame {
    /// The largest JSON body accepted in one frame: 16 MiB, far more than any command's input or
    /// output, small enough that a garbage length cannot exhaust memory.
    static let maximumLength = 16 * 1024 * 1024

    /// The size of the big-endian length prefix.
    static let headerLength = 4

    /// The JSON body for `value`.
    static func encode(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONEncoder().encode(value))
    }

    /// The value a frame's JSON body holds.
    /// - Throws: ``ControlSocketError/malformedFrame(_:)`` when the body is not that value's JSON.
    static func decode<Value: Decodable>(_ type: Value.Type, from body: ByteBuffer) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(body.readableBytesView))
        } catch {
            throw ControlSocketError.malformedFrame(String(describing: error))
        }
    }
}
