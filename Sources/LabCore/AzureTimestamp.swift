import Foundation

/// Times written the way IoT Hub writes them: UTC, seven fractional digits and a `Z`
/// (`2026-01-01T00:00:00.0000000Z`), and `0001-01-01T00:00:00Z` for "never".
///
/// Written by hand rather than with a formatter: a 100,000-device import stamps every record,
/// and the output must not depend on the machine's locale or calendar.
public enum AzureTimestamp {
    /// What Azure shows for an instant that has not happened yet (a device that never connected).
    public static let never = "0001-01-01T00:00:00Z"

    /// Seconds from 0001-01-01 to 1970-01-01, the offset between .NET ticks and Unix time.
    public static let unixEpochInDotNetSeconds: Int64 = 62_135_596_800

    /// The text for an instant, or `never` for `nil`.
    public static func string(_ date: Date?) -> String {
        guard let date else { return never }
        let ticks = dotNetTicks(date)
        let totalSeconds = ticks / 10_000_000 - unixEpochInDotNetSeconds
        let fraction = ticks % 10_000_000
        var days = totalSeconds / 86_400
        var secondsOfDay = totalSeconds % 86_400
        if secondsOfDay < 0 {
            secondsOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T"
            + padded(secondsOfDay / 3600, 2) + ":" + padded(secondsOfDay % 3600 / 60, 2) + ":"
            + padded(secondsOfDay % 60, 2) + "." + padded(fraction, 7) + "Z"
    }

    /// Reads what `string(_:)` writes (any number of fractional digits); `nil` for `never` or
    /// text that is not such a timestamp.
    public static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), text != never else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var fractionTicks: Int64 = 0
        if bytes[19] == UInt8(ascii: "."), bytes.count > 21 {
            let digits = bytes.count - 21
            guard digits <= 18, let fraction = number(20..<(20 + digits)) else { return nil }
            fractionTicks = digits <= 7
                ? fraction * Int64(pow(10, Double(7 - digits)))
                : fraction / Int64(pow(10, Double(digits - 7)))
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + Double(fractionTicks) / 10_000_000)
    }

    /// 100-nanosecond intervals since 0001-01-01, the unit of .NET `DateTime.Ticks`, which IoT Hub
    /// uses for generation ids and edge device scopes.
    public static func dotNetTicks(_ date: Date) -> Int64 {
        let unixTicks = (date.timeIntervalSince1970 * 10_000_000).rounded()
        return Int64(unixTicks) + unixEpochInDotNetSeconds * 10_000_000
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
