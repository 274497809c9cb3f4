import Foundation

/// The blob name of a storage endpoint's batch, from the endpoint's file name format.
///
/// Azure replaces `{iothub}`, `{partition}`, `{YYYY}`, `{MM}`, `{DD}`, `{HH}` and `{mm}` with the
/// hub's name, the partition and the batch's UTC time (zero-padded), and adds no extension:
/// the default format gives `my-hub/0/2026/01/01/00/00`.
enum BlobName {
    static func make(format: String, hubName: String, partition: Int, time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: time)
        func padded(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let values = [
            ("{iothub}", hubName), ("{partition}", String(partition)), ("{YYYY}", padded(parts.year, 4)),
            ("{MM}", padded(parts.month, 2)), ("{DD}", padded(parts.day, 2)), ("{HH}", padded(parts.hour, 2)),
            ("{mm}", padded(parts.minute, 2)),
        ]
        return values.reduce(format) { name, token in name.replacingOccurrences(of: token.0, with: token.1) }
    }
}
