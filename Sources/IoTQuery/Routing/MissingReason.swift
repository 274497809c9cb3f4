import JSONValue

/// Why a path a routing condition read is undefined, kept as a case and spelled only when a
/// trace is shown: every message records its reads, few traces are read.
enum MissingReason: Sendable, Equatable, CustomStringConvertible {
    case emptyPath
    case noTwin
    /// `$body` or `$twin` read as a whole (or by index), which Azure leaves undefined; `head`
    /// as the condition spells it.
    case wholeDocument(RoutedDocument, head: String)
    /// The document has no member at the path below its head.
    case noMember(RoutedDocument, PropertyPath)
    case noSystemProperty(String)
    case noApplicationProperty(String)
    /// A property (a string) read with members below it.
    case stringHasNoMembers(String)
    /// A reason already spelled: the body could not be read, or a caller's text.
    case described(String)

    var description: String {
        switch self {
        case .emptyPath:
            "the path is empty"
        case .noTwin:
            "the message comes with no twin to read"
        case .wholeDocument(let document, let head):
            "a condition reads members of \(head) such as \(head).\(document.example), not \(document.name) as a whole"
        case .noMember(let document, let path):
            "\(document.name) has no \(path.droppingPrefix(1))"
        case .noSystemProperty(let name):
            "the message has no system property \(name)"
        case .noApplicationProperty(let name):
            "the message has no application property '\(name)'"
        case .stringHasNoMembers(let name):
            "\(name) is a string and has no members"
        case .described(let text):
            text
        }
    }
}

/// The JSON documents a routing condition reads members of.
enum RoutedDocument: Sendable, Hashable {
    case body
    case twin

    var name: String {
        switch self {
        case .body: "the body"
        case .twin: "the twin"
        }
    }

    var example: String {
        switch self {
        case .body: "temperature"
        case .twin: "tags.location"
        }
    }
}
