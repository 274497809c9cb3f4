import Foundation

/// A span of lab time written as people write it on a command line: `90s`, `10m`, `2h`, `1d`,
/// `1h30m`; a bare number means seconds.
public struct LabDuration: Sendable, Equatable, CustomStringConvertible {
    public let seconds: TimeInterval

    public init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    /// Reads `text`; the error names the rule so `iotlab clock advance` can print it as is.
    public init(parsing text: String) throws(LabDurationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = TimeInterval(trimmed) {
            guard plain >= 0, plain.isFinite else { throw LabDurationError(text: text) }
            seconds = plain
            return
        }
        var total: TimeInterval = 0
        var digits = ""
        var sawUnit = false
        for character in trimmed {
            if character.isNumber || character == "." {
                digits.append(character)
                continue
            }
            guard let amount = TimeInterval(digits), let unit = Self.unitSeconds[character] else {
                throw LabDurationError(text: text)
            }
            total += amount * unit
            digits = ""
            sawUnit = true
        }
        guard sawUnit, digits.isEmpty else { throw LabDurationError(text: text) }
        seconds = total
    }

    private static let unitSeconds: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]

    /// `1d 2h 3m 4s`, leaving out the zero parts; `0s` for nothing.
    public var description: String {
        var rest = Int(seconds.rounded())
        var parts: [String] = []
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        return parts.isEmpty ? "0s" : parts.joined(separator: " ")
    }
}

/// A duration that is not a number of seconds nor a sequence of number-and-unit parts.
public struct LabDurationError: Error, CustomStringConvertible {
    public let text: String

    public var description: String {
        "'\(text)' is not a duration: write a number of seconds or parts such as 90s, 10m, 2h, 1d or 1h30m"
    }
}
