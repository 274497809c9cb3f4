import Foundation

extension String {
    /// The text without leading or trailing `CharacterSet.whitespaces`, exactly as
    /// `trimmingCharacters(in: .whitespaces)` gives it, but without that Foundation call (a
    /// twentieth of routing time) when the text starts and ends with ASCII that is not blank:
    /// every message's content type and encoding are checked on the 200,000-a-second path.
    var trimmingWhitespace: String {
        guard let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09
        else { return trimmingCharacters(in: .whitespaces) }
        return self
    }
}
