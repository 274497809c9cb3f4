/// How far a throttle bends before it breaks: the burst it absorbs at once and the backlog it
/// queues before refusing.
///
/// Azure's rule ("IoT Hub quotas and throttling", traffic shaping): requests above the throttle
/// are first processed immediately for a limited time, then queued and processed at the limit
/// rate, and refused with 429 once the queue is full. Azure publishes no sizes; its worked example
/// (200 D2C/sec into an S1 hub's 100/sec) is processed immediately "for the first minute or two",
/// and throttles "are applied in minute ranges". So the lab's default is one minute of the limit
/// as burst and one more minute as backlog: 200/sec into S1 runs unthrottled for 60 seconds, then
/// waits grow to a minute, then 429s begin about 120 seconds in.
public struct TrafficShaping: Sendable, Equatable {
    /// Seconds' worth of the limit a full throttle admits at once.
    public let burstSeconds: Int
    /// Seconds' worth of the limit that may wait in the queue; also the longest wait.
    public let backlogSeconds: Int

    /// One minute of burst and one minute of backlog.
    public static let azure = TrafficShaping(burstSeconds: 60, backlogSeconds: 60)

    /// Negative durations count as zero: no burst means every request above the rate waits, no
    /// backlog means it is refused at once.
    public init(burstSeconds: Int, backlogSeconds: Int) {
        self.burstSeconds = max(0, burstSeconds)
        self.backlogSeconds = max(0, backlogSeconds)
    }

    /// The burst, in operations or blocks, for a throttle of `limit`.
    func burst(for limit: ThrottleLimit) -> Int {
        limit.count * burstSeconds / limit.period.rawValue
    }

    /// The backlog, in operations or blocks, for a throttle of `limit`.
    func backlog(for limit: ThrottleLimit) -> Int {
        limit.count * backlogSeconds / limit.period.rawValue
    }
}
