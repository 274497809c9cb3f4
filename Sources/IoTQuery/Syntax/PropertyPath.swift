/// A chain of member names read from a document, such as `tags.location.building`.
///
/// Paths are split into members once, when the query is parsed, so that running a query over
/// many twins never splits or allocates strings per document.
public struct PropertyPath: Sendable, Hashable, CustomStringConvertible {
    /// The member names from the outside in, e.g. `["properties", "reported", "firmware"]`;
    /// an array element step holds its index in decimal (`"0"`).
    public let segments: [String]
    /// The positions in `segments` that index an array (`HistoricalData[0]`) rather than name a
    /// member. Only routing conditions write such steps; twin query paths never have any.
    public let indexSteps: Set<Int>

    /// The path as it would be written in a query: dotted, with `[0]` for array elements and
    /// `['...']` for members that are not plain names. Written once here: every routing
    /// condition's trace names the paths it read, for every message.
    public let description: String
    /// Where a routing condition reads this path from, decided once here rather than by
    /// comparing the head with `$body` and `$twin` on every message.
    let routingRoot: RoutingRoot

    public init(_ segments: [String], indexSteps: Set<Int> = []) {
        self.segments = segments
        self.indexSteps = indexSteps
        description = Self.text(of: segments, indexSteps: indexSteps)
        routingRoot = RoutingRoot(segments: segments, indexSteps: indexSteps)
    }

    /// The name a projection of this path gets in a result row: its last member, as Azure names
    /// `SELECT properties.reported.firmware` → `{"firmware": ...}`.
    public var lastSegment: String { segments.last ?? "" }

    private static func text(of segments: [String], indexSteps: Set<Int>) -> String {
        var text = ""
        for (index, segment) in segments.enumerated() {
            if indexSteps.contains(index) {
                text += "[" + segment + "]"
            } else if Self.isPlainName(segment) || (index == 0 && Self.isSystemName(segment)) {
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
        segments.count == other.segments.count && indexSteps == other.indexSteps
            && zip(segments, other.segments).allSatisfy { $0 == $1 || $0.lowercased() == $1.lowercased() }
    }

    /// This path without its first `count` members.
    func droppingPrefix(_ count: Int) -> PropertyPath {
        PropertyPath(
            Array(segments.dropFirst(count)),
            indexSteps: Set(indexSteps.compactMap { $0 >= count ? $0 - count : nil }))
    }

    private static func isPlainName(_ segment: String) -> Bool {
        guard let first = segment.first, Lexer.startsName(first) else { return false }
        return segment.allSatisfy(Lexer.continuesName)
    }

    /// A routing condition's hyphenated system property name such as `$iothub-enqueuedtime`,
    /// which is written bare at the start of a path.
    private static func isSystemName(_ segment: String) -> Bool {
        let parts = segment.split(separator: "-", omittingEmptySubsequences: false)
        return segment.first == "$" && parts.allSatisfy { $0.allSatisfy(Lexer.continuesName) }
            && parts.dropFirst().allSatisfy { $0.first?.isLetter == true }
    }
}
