/// The `name=value` lists Azure credentials are written in: SAS token fields joined by `&`,
/// connection-string pairs joined by `;`.
///
/// Each part is split at its first `=` only, because values (base64 keys and signatures) end in `=`.
enum NameValueList {
    /// One part of the list, with its 1-based column so an error can point at it.
    struct Part {
        /// The part as written, between two separators.
        let text: Substring
        /// Where the part starts in the whole text, counting from 1.
        let column: Int
        /// The text before the first `=`, or `nil` when the part has none.
        let name: Substring?
        /// The text after the first `=`, or `nil` when the part has none.
        let value: Substring?
    }

    /// The non-empty parts of `text` between `separator`s; `firstColumn` is the column of
    /// `text`'s first character in the text the user gave.
    static func parts(of text: Substring, separator: Character, firstColumn: Int = 1) -> [Part] {
        var parts: [Part] = []
        var column = firstColumn
        for piece in text.split(separator: separator, omittingEmptySubsequences: false) {
            defer { column += piece.count + 1 }
            guard !piece.isEmpty else { continue }
            let equals = piece.firstIndex(of: "=")
            parts.append(Part(
                text: piece, column: column,
                name: equals.map { piece[..<$0] },
                value: equals.map { piece[piece.index(after: $0)...] }))
        }
        return parts
    }
}
