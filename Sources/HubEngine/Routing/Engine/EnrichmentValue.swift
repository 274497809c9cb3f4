import JSONValue

/// What an enrichment's value means: a static string, the hub's name (`$iothubname`), or a path
/// in the sender's twin (`$twin.tags.x`, `$twin.properties.desired.x`, `$twin.properties.reported.x`).
///
/// Azure stamps a twin path that does not resolve as the literal text of the value, so a learner
/// sees `$twin.tags.location` on a message from a device without that tag.
enum EnrichmentValue: Sendable, Equatable {
    case literal(String)
    case hubName
    case twinPath([String])

    init(_ text: String) {
        if text.caseInsensitiveCompare("$iothubname") == .orderedSame {
            self = .hubName
            return
        }
        let segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if segments.count > 1, segments[0].caseInsensitiveCompare("$twin") == .orderedSame {
            self = .twinPath(Array(segments.dropFirst()))
        } else {
            self = .literal(text)
        }
    }

    var readsTwin: Bool {
        if case .twinPath = self { true } else { false }
    }

    /// The value stamped for a message from the sender whose twin is `twin` on hub `hubName`:
    /// strings as they are, other JSON values in compact JSON, a missing path as `text` itself.
    func resolve(text: String, hubName: String, twin: JSONValue?) -> String {
        switch self {
        case .literal(let value): return value
        case .hubName: return hubName
        case .twinPath(let segments):
            var current = twin
            for segment in segments {
                guard case .object(let members)? = current else { return text }
                current = members[segment]
            }
            switch current {
            case nil, .null?: return text
            case .string(let value)?: return value
            case let value?: return value.serialized(.compact)
            }
        }
    }
}
