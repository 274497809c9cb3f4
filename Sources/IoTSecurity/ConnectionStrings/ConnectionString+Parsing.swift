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
        for part in NameValueList.parts(of: text[...], separator: ";") {
            let trimmedPart = part.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmedPart.isEmpty else { continue }
            guard let name = part.name, let value = part.value else {
                throw .missingEquals(part: trimmedPart, column: part.column)
            }
            let key = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw .emptyKey(column: part.column) }
            guard seen.insert(key.lowercased()).inserted else { throw .duplicateKey(key) }
            parsed.append((key, value.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        guard !parsed.isEmpty else { throw .empty }
        self.init(parsed)
    }
}
