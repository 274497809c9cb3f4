import Foundation

/// The ISO 8601 durations Resource Manager uses for hub settings (`PT1H`, `PT1M`, `P2D`).
enum ISO8601Duration {
    /// Seconds as the largest whole unit fits: `PT48H`, `PT5M`, `PT30S` (as az writes them).
    static func string(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if whole > 0, whole % 3600 == 0 { return "PT\(whole / 3600)H" }
        if whole > 0, whole % 60 == 0 { return "PT\(whole / 60)M" }
        return "PT\(whole)S"
    }

    /// Seconds of `P[nD][T[nH][nM][n[.n]S]]`; `nil` when the text is not such a duration.
    static func seconds(_ text: String) -> TimeInterval? {
        var rest = Substring(text.uppercased())
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var total: TimeInterval = 0
        var inTime = false
        var number = ""
        for character in rest {
            switch character {
            case "T" where !inTime && number.isEmpty:
                inTime = true
            case "0"..."9", ".":
                number.append(character)
            case "D", "H", "M", "S":
                guard let value = Double(number) else { return nil }
                let unit: TimeInterval
                switch (character, inTime) {
                case ("D", false): unit = 86_400
                case ("H", true): unit = 3600
                case ("M", true): unit = 60
                case ("S", true): unit = 1
                default: return nil
                }
                total += value * unit
                number = ""
            default:
                return nil
            }
        }
        return number.isEmpty ? total : nil
    }
}
