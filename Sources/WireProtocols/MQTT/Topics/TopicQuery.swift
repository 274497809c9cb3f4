import IoTSecurity

/// The `?$rid=…&$version=…` query of `$iothub` topics, split on `&` then `=`.
struct TopicQuery {
    private var values: [String: String] = [:]

    /// Parses what follows the `?` (or nothing when the topic has no query).
    init(_ text: Substring) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[PercentEncoding.decode(parts[0])] = parts.count > 1 ? PercentEncoding.decode(parts[1]) : ""
        }
    }

    subscript(key: String) -> String? { values[key] }

    /// The query part of `topic`, after its first `?`.
    static func of(_ topic: Substring) -> TopicQuery {
        guard let mark = topic.firstIndex(of: "?") else { return TopicQuery("") }
        return TopicQuery(topic[topic.index(after: mark)...])
    }
}
