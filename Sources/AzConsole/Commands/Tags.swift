import JSONValue

/// az's `--tags` for Resource Manager resources: space-separated `key[=value]` words.
enum Tags {
    static func parse(_ words: [String]) -> JSONObject {
        var tags = JSONObject()
        for word in words where !word.isEmpty {
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            tags[String(parts[0])] = .string(parts.count > 1 ? String(parts[1]) : "")
        }
        return tags
    }
}
