import Foundation
import LabCore

/// The telemetry path's in-memory state: the compiled routes, the daily quota meter, the
/// operation throttles and the recent routing decisions.
///
/// Rebuilt from the hub's settings whenever they change (`prepared(for:at:)`), keeping the
/// quota's count for the day, since Azure applies new units to the day's count at once.
struct TelemetryPipeline: Sendable {
    /// How many routing decisions the panes can look back on.
    static let recentDecisionCapacity = 256
    /// How many bytes of message bodies the recent decisions may hold (each keeps its message to
    /// rebuild its trace): 256 messages of 256 KB would hold 64 MB, so fewer of the oldest are kept.
    static let recentDecisionBytes = 4 * 1024 * 1024

    /// The settings the state below was built for; `nil` before the first message.
    private(set) var preparedSettings: HubSettings?
    private(set) var routes = RouteTable(RoutingConfiguration())
    var quota: DailyMessageQuota?
    var throttle: HubThrottle?
    /// Whether the quota count stored in the workspace has been read back.
    private(set) var quotaUsageRestored = false
    /// A count read back from the workspace, taken by the next quota built.
    private var restoredUsage: (used: Int, time: Date)?
    /// The recent decisions, oldest first from `oldestDecision`; the slots before it are emptied
    /// as decisions leave, so a dropped one's message is released at once.
    private var decisions: [RoutingDecision?] = []
    private var oldestDecision = 0
    /// The body bytes (plus a fixed share for properties) the decisions from `oldestDecision` hold.
    private var decisionBytes = 0
    /// Route errors spelled once per cause for the `MessageRouted` records.
    var errorTexts = RoutingErrorTexts()
    /// The last enqueued time formatted for routing, reused by the rest of its batch.
    private var formattedEnqueuedTime: (time: Date, text: String)?

    init() {}

    /// Makes the state match `settings`: recompiles routes when routing changed, resizes the
    /// quota and throttles when the SKU or units changed. Cheap when nothing changed.
    mutating func prepare(for settings: HubSettings, at now: Date) {
        guard settings != preparedSettings else { return }
        if settings.routing != preparedSettings?.routing { routes = RouteTable(settings.routing) }
        if settings.skuName != preparedSettings?.skuName || settings.units != preparedSettings?.units {
            if let capacity = try? HubCapacity(settings) {
                let usage = restoredUsage ?? quota.map { (used: $0.used(at: now), time: now) } ?? (used: 0, time: now)
                quota = DailyMessageQuota(hubName: settings.name, capacity: capacity, used: usage.used, on: usage.time)
                restoredUsage = nil
                throttle = HubThrottle(policy: ThrottlePolicy(capacity: capacity))
            } else {
                quota = nil
                throttle = nil
            }
        }
        preparedSettings = settings
    }

    /// Takes the quota count a reopened hub had used on the UTC day of `time` (`nil`: none stored);
    /// the next `prepare` rebuilds the quota with it.
    mutating func restoreQuotaUsage(_ usage: (used: Int, time: Date)?) {
        quotaUsageRestored = true
        guard let usage else { return }
        restoredUsage = usage
        preparedSettings = nil
    }

    /// `time` as `AzureTimestamp` writes it, formatted once for all the messages of a batch.
    mutating func enqueuedTimeText(for time: Date) -> String {
        if let formattedEnqueuedTime, formattedEnqueuedTime.time == time { return formattedEnqueuedTime.text }
        let text = AzureTimestamp.string(time)
        formattedEnqueuedTime = (time, text)
        return text
    }

    /// Keeps `decision` among the recent ones, dropping the oldest beyond the count or the bytes
    /// (the newest one is always kept).
    mutating func remember(_ decision: RoutingDecision) {
        decisions.append(decision)
        decisionBytes += Self.heldBytes(decision)
        while decisions.count - oldestDecision > Self.recentDecisionCapacity
            || (decisionBytes > Self.recentDecisionBytes && decisions.count - oldestDecision > 1) {
            decisionBytes -= decisions[oldestDecision].map(Self.heldBytes) ?? 0
            decisions[oldestDecision] = nil
            oldestDecision += 1
        }
        if oldestDecision >= Self.recentDecisionCapacity {
            decisions.removeFirst(oldestDecision)
            oldestDecision = 0
        }
    }

    private static func heldBytes(_ decision: RoutingDecision) -> Int {
        decision.basis.message.body.count + 512
    }

    /// The last `limit` decisions, oldest first.
    func recentDecisions(limit: Int) -> [RoutingDecision] {
        decisions.suffix(max(0, min(limit, decisions.count - oldestDecision))).compactMap { $0 }
    }
}
