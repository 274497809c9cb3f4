/// One throttle's rate: so many operations (or meter blocks) per second or per minute.
///
/// Kept as Azure states it (`100/min`, not 1.67/sec) so that the arithmetic stays exact and the
/// text a learner reads matches the published table.
public struct ThrottleLimit: Sendable, Equatable, CustomStringConvertible {
    /// The window the count is stated for.
    public enum Period: Int, Sendable {
        case second = 1
        case minute = 60
    }

    /// Operations, or blocks of `meter`, allowed per `period`.
    public let count: Int
    public let period: Period
    /// The block payloads are counted in, or `nil` when operations are counted.
    public let meter: MessageMeter?

    public init(count: Int, per period: Period, meter: MessageMeter? = nil) {
        self.count = count
        self.period = period
        self.meter = meter
    }

    /// `100/sec`, `20/min`, or `160 KB/sec` for a metered throttle.
    public var description: String {
        let window = period == .second ? "sec" : "min"
        guard let meter else { return "\(count)/\(window)" }
        return "\(count * meter.bytes / 1024) KB/\(window)"
    }

    /// What the backlog is counted in, for error text: requests, or the meter's blocks.
    var costUnit: String {
        guard let meter else { return "requests" }
        return "\(meter.bytes / 1024) KB blocks"
    }
}
