/// Why a SAS token could not be read.
///
/// Each case names the field and the rule, so a learner whose hand-built token is refused sees
/// what to fix; front doors report these as Azure's `401` / MQTT CONNACK 5.
public enum SASTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The token does not begin with `SharedAccessSignature` and a space.
    case missingScheme
    /// A `&`-separated part has no `=`; `column` is its 1-based position in the token.
    case malformedField(text: String, column: Int)
    /// A required field (`sr`, `sig` or `se`) is absent.
    case missingField(name: String)
    /// A field is present with an empty value.
    case emptyField(name: String)
    /// A field appears more than once.
    case duplicateField(name: String)
    /// `se` is not a whole, non-negative number of seconds.
    case invalidExpiry(value: String)

    public var description: String {
        switch self {
        case .missingScheme:
            "SAS token must start with \"SharedAccessSignature \""
        case .malformedField(let text, let column):
            "SAS token part \"\(text)\" at column \(column) must be name=value"
        case .missingField(let name):
            "SAS token must have a \(name) field"
        case .emptyField(let name):
            "SAS token field \(name) must not be empty"
        case .duplicateField(let name):
            "SAS token field \(name) must appear only once"
        case .invalidExpiry(let value):
            "SAS token field se must be whole seconds since 1970-01-01T00:00:00Z, was \"\(value)\""
        }
    }
}
