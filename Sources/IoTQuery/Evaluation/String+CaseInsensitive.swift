extension String {
    /// Whether the text equals `other` ignoring letter case, as `lowercased()` on both would say,
    /// without building either lowercased copy when both are ASCII (property names, content
    /// types and `$` heads are, and every message on the 200,000-a-second path compares some).
    func equalsIgnoringCase(_ other: String) -> Bool {
        var lhs = self
        var rhs = other
        // Over the contiguous UTF-8 of both: `nil` when either is not ASCII.
        let asciiEqual: Bool? = lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                guard !left.contains(where: { $0 >= 0x80 }), !right.contains(where: { $0 >= 0x80 }) else { return nil }
                guard left.count == right.count else { return false }
                for index in left.indices where Self.asciiLowercase(left[index]) != Self.asciiLowercase(right[index]) {
                    return false
                }
                return true
            }
        }
        return asciiEqual ?? (lowercased() == other.lowercased())
    }

    /// Whether the text equals `other` when ASCII letters `A`–`Z` are read as `a`–`z` (twin
    /// queries' member names).
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        utf8.elementsEqual(other.utf8) { Self.asciiLowercase($0) == Self.asciiLowercase($1) }
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
