/// A chain of member names read from a document, such as `tags.location.building`.
///
/// Paths are split into members once, when the query is parsed, so that running a query over
/// many twins never splits or allocates strings per document.
public struct PropertyPath: Sendable, Hashable, CustomStringConvertible {
    /// The member names from the outside in, e.g. `["properties", "reported", "firmware"]`.
    public let segments: [String]

    public init(_ segments: [String]) {
        self.segments = segments
    }

    /// The name a projection of this path gets in a result row: its last member, as Azure names
    /// `SELECT properties.reported.firmware` → `{"firmware": ...}`.
    public var lastSegment: String { segments.last ?? "" }

    /// The path as it would be written in a query: dotted, with `['...']` for members that are
    /// not plain names.
    public var description: String {
        var text = ""
        for (index, segment) in segments.enumerated() {
            if Self.isPlainName(segment) {
                if index > 0 { text += "." }
                text += segment
            } else {
                text += "['" + segment.replacingOccurrences(of: "'", with: "\\'") + "']"
            }
        }
        return text
    }

    /// Whether both paths name the same property, member names compared ignoring case as twin
    /// queries compare them (`SELECT Status ... GROUP BY status`).
    func isSameProperty(as other: PropertyPath) -> Bool {
        segments.count == other.segments.count
            && zip(segments, other.segments).allSatisfy { $0 == $1 || $0.lowercased() == $1.lowercased() }
    }

    /// This path without its first `count` members.
    func droppingPrefix(_ count: Int) -> PropertyPath {
        PropertyPath(Array(segments.dropFirst(count)))
    }

    private static func isPlainName(_ segment: String) -> Bool {
        guard let first = segment.first, Lexer.startsName(first) else { return false }
        return segment.allSatisfy(Lexer.continuesName)
    }
}
