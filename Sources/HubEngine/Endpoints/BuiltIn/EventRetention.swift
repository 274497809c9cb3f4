import Foundation
import WorkspaceStore

/// Deletes the built-in endpoint's events older than its retention, as Event Hubs does.
///
/// Readers position themselves by sequence number or time and never see a gap in numbering
/// (numbers are not reused), so deleting from the front of each partition is all retention is.
/// The check runs inside delivery at most once per `checkInterval` of clock time, so a hub
/// that receives telemetry keeps its log bounded without a timer of its own.
struct EventRetention: Sendable {
    /// How often, in clock seconds, delivery looks for expired events.
    static let checkInterval: TimeInterval = 3600

    private(set) var nextCheck: Date = .distantPast

    /// The instant before which events have expired at `now` when they are kept `days` days.
    static func cutoff(at now: Date, days: Int) -> Date {
        now.addingTimeInterval(-Double(days) * 86_400)
    }

    /// Purges expired events of `stream` in `writer` when a check is due; returns how many went.
    mutating func purgeIfDue(scope: String, stream: String, retentionDays: Int, in writer: WorkspaceWriter, at now: Date) throws -> Int {
        guard now >= nextCheck else { return 0 }
        nextCheck = now.addingTimeInterval(Self.checkInterval)
        return try writer.purgeStreamEvents(scope: scope, stream: stream, enqueuedBefore: Self.cutoff(at: now, days: retentionDays))
    }
}
