extension String {
    /// Whether the text equals `other` ignoring letter case, as `lowercased()` on both would say,
    /// without building either lowercased copy when both are ASCII (property names, content
    /// types and `$` heads are, and every message on the 200,000-a-second path compares some).
    func equalsIgnoringCase(_ other: String) -> Bool {
        let isASCII = utf8.allSatisfy { $0 < 0x80 } && other.utf8.allSatisfy { $0 < 0x80 }
        guard isASCII else { return lowercased() == other.lowercased() }
        return utf8.count == other.utf8.count && equalsIgnoringASCIICase(other)
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
