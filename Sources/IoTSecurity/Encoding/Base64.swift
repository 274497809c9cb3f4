import Foundation

/// Base64 as Azure writes keys and signatures: the standard alphabet with `=` padding.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The decoded bytes, or `nil` unless `text` is canonical padded base64 (no whitespace, no
    /// URL-safe alphabet), the only form Azure accepts for a shared access key.
    static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0, let data = Data(base64Encoded: text) else { return nil }
        return [UInt8](data)
    }
}
