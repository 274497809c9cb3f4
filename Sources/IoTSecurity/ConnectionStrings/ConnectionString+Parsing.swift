import Foundation

extension ConnectionString {
    /// Reads a connection string as a user pastes it.
    ///
    /// Pairs are separated by `;` and each is split at its first `=`, because base64 keys end in
    /// `=` and must keep it. Spaces and line breaks around a key or value are dropped (they come
    /// from copying out of a terminal), and empty parts, such as a trailing `;`, are skipped.
    ///
    /// - Throws: ``ConnectionStringError`` when the text has no pairs, a part has no `=` or no key,
    ///   or a key appears twice (in any case), naming the part and its 1-based column.
    public init(parsing text: String) throws(ConnectionStringError) {
        var parsed: [(String, String)] = []
        var seen: Set<String> = []
        var column = 1
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            defer { column += part.count + 1 }
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw .missingEquals(part: trimmed, column: column)
            }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw .emptyKey(column: column) }
            guard seen.insert(key.lowercased()).inserted else { throw .duplicateKey(key) }
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines)
            parsed.append((key, value))
        }
        guard !parsed.isEmpty else { throw .empty }
        self.init(parsed)
    }
}
