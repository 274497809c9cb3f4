import Foundation

/// What IoT Hub's storage-container routing endpoint writes when its encoding is Avro.
///
/// Each routed message becomes one `Microsoft.Azure.Devices.Message` record: the enqueued time as
/// text, the application properties, the system properties (`connectionDeviceId`,
/// `connectionAuthMethod`, `connectionDeviceGenerationId`, `contentType`, `contentEncoding`,
/// `enqueuedTime`) and the body as raw bytes, so a learner's Avro reader sees what it would see in
/// Azure's blobs.
public enum IoTHubAvro {
    /// The schema IoT Hub declares in every Avro blob; its compact JSON matches Azure's byte for byte.
    public static let messageSchema: AvroSchema = .record(
        AvroRecordSchema(
            name: "Message", namespace: "Microsoft.Azure.Devices",
            fields: [
                AvroField(name: "EnqueuedTimeUtc", type: .string),
                AvroField(name: "Properties", type: .map(values: .string)),
                AvroField(name: "SystemProperties", type: .map(values: .string)),
                AvroField(name: "Body", type: .union([.null, .bytes])),
            ]))

    /// A time as IoT Hub writes `EnqueuedTimeUtc` and the `enqueuedTime` system property:
    /// UTC with seven fractional digits (.NET ticks), such as `2018-07-05T15:11:42.6850000Z`.
    ///
    /// The time is rounded to the microsecond, so the seventh digit is always 0: a `Date` is a
    /// double whose resolution today is coarser than a tick, and rounding to the tick would turn
    /// `.685` into `.6849999`.
    public static func enqueuedTimeText(_ date: Date) -> String {
        let microsecondsPerSecond: Int64 = 1_000_000
        let microseconds = Int64((date.timeIntervalSince1970 * Double(microsecondsPerSecond)).rounded())
        let seconds = microseconds.floorDivided(by: microsecondsPerSecond)
        let fraction = microseconds - seconds * microsecondsPerSecond
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))0Z"
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
    private static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
