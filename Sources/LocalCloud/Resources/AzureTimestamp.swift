import Foundation

/// Azure's timestamp text: ISO 8601 in UTC with fractional seconds, e.g. `2026-01-01T00:00:00.000000+00:00`.
enum AzureTimestamp {
    static func string(from date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
