/// The "did you mean" candidates az lists for a misspelt command or flag.
///
/// az asks Python's `difflib.get_close_matches`; this uses the same measure (twice the matched
/// characters over the total length, here with the longest common subsequence as the match)
/// and the same default cut-off of 0.6, best first, at most three.
enum CloseMatches {
    static func of(_ word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let scored = candidates.map { ($0, similarity(word, $0)) }.filter { $0.1 >= 0.6 }
        return scored.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }

    static func similarity(_ first: String, _ second: String) -> Double {
        let lhs = Array(first.lowercased())
        let rhs = Array(second.lowercased())
        guard !lhs.isEmpty || !rhs.isEmpty else { return 1 }
        var previous = [Int](repeating: 0, count: rhs.count + 1)
        for character in lhs {
            var row = [0]
            for (index, other) in rhs.enumerated() {
                row.append(character == other ? previous[index] + 1 : max(previous[index + 1], row[index]))
            }
            previous = row
        }
        return 2 * Double(previous[rhs.count]) / Double(lhs.count + rhs.count)
    }

    /// The suggestion paragraph az appends: "The most similar choice to 'x' is:" and the list.
    static func suggestion(for word: String, in candidates: [String]) -> String {
        let matches = of(word, in: candidates)
        guard !matches.isEmpty else { return "" }
        let heading = matches.count == 1
            ? "The most similar choice to '\(word)' is:" : "The most similar choices to '\(word)' are:"
        return "\n\n" + heading + matches.map { "\n\t" + $0 }.joined()
    }
}
