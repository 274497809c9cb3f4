/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji
/// take 2, combining marks and zero-width joiners 0, the rest 1.
///
/// Computed from Unicode properties rather than the C library's `wcwidth`, which answers -1 for
/// everything outside ASCII unless the process locale is UTF-8 (tests run in the "C" locale).
extension Unicode.Scalar {
    /// The columns this scalar takes on its own.
    public var displayWidth: Int {
        let value = self.value
        if value == 0 { return 0 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if value == 0x200B || (0xFE00...0xFE0F).contains(value) || (0x1160...0x11FF).contains(value) { return 0 }
        if properties.isEmojiPresentation { return 2 }
        return Self.isEastAsianWide(value) ? 2 : 1
    }

    /// East Asian Width W or F (Unicode TR 11), as ranges.
    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension Character {
    /// The columns this grapheme cluster takes: its widest scalar, or 2 for an emoji presented
    /// as an emoji by a variation selector (U+FE0F).
    public var displayWidth: Int {
        let scalars = unicodeScalars
        if scalars.count > 1, scalars.contains("\u{FE0F}"), scalars.first?.properties.isEmoji == true { return 2 }
        return scalars.reduce(0) { Swift.max($0, $1.displayWidth) }
    }
}

extension StringProtocol {
    /// The columns this text takes on one line.
    public var displayWidth: Int {
        reduce(0) { $0 + $1.displayWidth }
    }

    /// The longest prefix that fits in `width` columns, with `ellipsis` replacing the tail when
    /// something was cut (a wide character is never split).
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        if displayWidth <= width { return String(self) }
        let room = Swift.max(0, width - ellipsis.displayWidth)
        var used = 0
        var result = ""
        for character in self {
            let w = character.displayWidth
            if used + w > room { break }
            used += w
            result.append(character)
        }
        return width >= ellipsis.displayWidth ? result + ellipsis : result
    }

    /// The text padded with spaces to exactly `width` columns (truncated when longer).
    public func padded(toWidth width: Int) -> String {
        let fitted = truncated(toWidth: width)
        return fitted + String(repeating: " ", count: Swift.max(0, width - fitted.displayWidth))
    }
}
