import Foundation
import HubEngine
import JSONValue

extension HubResource {
    /// `properties.cloudToDevice` as `az iot hub show` prints it: the management SDK reads the
    /// ISO 8601 durations into Python `timedelta`s, so they print as `1:00:00` or `2 days, 0:00:00`.
    var cloudToDeviceJSON: JSONValue {
        [
            "defaultTtlAsIso8601": .string(Self.timedeltaText(cloudToDevice.defaultTimeToLive)),
            "feedback": [
                "lockDurationAsIso8601": .string(Self.timedeltaText(cloudToDevice.feedbackLockDuration)),
                "maxDeliveryCount": .integer(cloudToDevice.feedbackMaxDeliveryCount),
                "ttlAsIso8601": .string(Self.timedeltaText(cloudToDevice.feedbackTimeToLive)),
            ],
            "maxDeliveryCount": .integer(cloudToDevice.maxDeliveryCount),
        ]
    }

    /// Python's `str(timedelta)`: `H:MM:SS`, preceded by `N day(s), ` when a day or more.
    static func timedeltaText(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        let days = whole / 86_400
        let rest = whole % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let clock = "\(rest / 3600):\(two(rest % 3600 / 60)):\(two(rest % 60))"
        guard days > 0 else { return clock }
        return "\(days) day\(days == 1 ? "" : "s"), " + clock
    }
}
