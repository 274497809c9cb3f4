extension Sequence<String> {
    /// Sorted by Unicode code point, the order of Python's `sorted()` on strings.
    func sortedByCodePoint() -> [String] {
        sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
