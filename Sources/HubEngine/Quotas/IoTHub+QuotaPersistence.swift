import Foundation
import JSONValue
import WorkspaceStore

extension IoTHub {
    /// Where the daily quota's count is kept, so a hub reopened the same UTC day (another
    /// `iotlab` process, a restart) goes on counting instead of handing out a second quota.
    static let quotaCollection = "telemetry"
    static let quotaKey = "dailyMessageQuota"

    /// Brings the telemetry state up to the hub's settings; the first time, restores the day's
    /// quota count from the workspace. Reads the workspace, so never call it inside a transaction.
    func prepareTelemetry(at now: Date) {
        if !telemetry.quotaUsageRestored { telemetry.restoreQuotaUsage(storedQuotaUsage()) }
        telemetry.prepare(for: settings, at: now)
    }

    /// Writes the quota's count at `now` in `writer`'s transaction, beside the messages it counts.
    func persistQuotaUsage(in writer: WorkspaceWriter, at now: Date) throws {
        guard let quota = telemetry.quota else { return }
        let body: JSONValue = ["used": .integer(quota.used(at: now)), "time": .double(now.timeIntervalSince1970)]
        try writer.put(scope: scope, collection: Self.quotaCollection, key: Self.quotaKey, body: Data(body.serialized(.compact).utf8))
    }

    private func storedQuotaUsage() -> (used: Int, time: Date)? {
        let scope = self.scope
        guard let data = try? workspace.read({ reader in try reader.record(scope: scope, collection: Self.quotaCollection, key: Self.quotaKey) }),
            let json = try? JSONValue(parsing: data), let used = json["used"]?.integerValue, let time = json["time"]?.doubleValue
        else { return nil }
        return (used, Date(timeIntervalSince1970: time))
    }
}
