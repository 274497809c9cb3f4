/// Why a user-supplied shared access key was refused.
///
/// The text names the rule but not the field, because the same key rule guards `primaryKey`,
/// `secondaryKey`, policy keys and enrollment keys: the caller puts the field name in front, e.g.
/// `primaryKey must decode to 16 to 64 bytes, was 15`, and reports it as `ArgumentInvalid`.
public enum KeyValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not canonical padded base64.
    case notBase64
    /// The text is base64 but decodes to a length outside 16...64 bytes.
    case wrongLength(byteCount: Int)

    public var description: String {
        switch self {
        case .notBase64:
            "must be base64"
        case .wrongLength(let byteCount):
            "must decode to \(SymmetricKey.minimumByteCount) to \(SymmetricKey.maximumByteCount) bytes, was \(byteCount)"
        }
    }
}
