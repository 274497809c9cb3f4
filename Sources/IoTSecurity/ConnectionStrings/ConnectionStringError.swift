/// Why a connection string could not be read; the hub and the az console report it as
/// `ArgumentInvalid`.
public enum ConnectionStringError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text holds no `key=value` pair at all.
    case empty
    /// A `;`-separated part has no `=`; `column` is its 1-based position in the text.
    case missingEquals(part: String, column: Int)
    /// A part starts with `=`, so it has a value but no key.
    case emptyKey(column: Int)
    /// A key appears twice (compared without regard to case), so which one counts is unclear.
    case duplicateKey(String)

    public var description: String {
        switch self {
        case .empty:
            "connection string must contain key=value pairs separated by ';'"
        case .missingEquals(let part, let column):
            "connection string part \"\(part)\" at column \(column) must be key=value"
        case .emptyKey(let column):
            "connection string part at column \(column) must have a key before '='"
        case .duplicateKey(let key):
            "connection string key \(key) must appear only once"
        }
    }
}
