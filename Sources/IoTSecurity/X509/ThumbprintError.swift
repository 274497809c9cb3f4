/// Why a thumbprint was refused; the hub reports it as `ArgumentInvalid` on the thumbprint field.
public enum ThumbprintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A character other than a hex digit, `:` or a space; `column` is 1-based.
    case invalidCharacter(Character, column: Int)
    /// The number of hex digits is neither 40 (SHA-1) nor 64 (SHA-256).
    case wrongLength(digitCount: Int)

    public var description: String {
        switch self {
        case .invalidCharacter(let character, let column):
            "thumbprint must contain only hex digits, found \"\(character)\" at column \(column)"
        case .wrongLength(let digitCount):
            "thumbprint must be 40 (SHA-1) or 64 (SHA-256) hex digits, was \(digitCount)"
        }
    }
}
