import Foundation
import WorkspaceStore

extension IoTHub {
    /// Writes the rows and journal events of one operation in one transaction, so the journal
    /// never tells of a change the store does not hold; `alsoWrite` adds the operation's own
    /// writes (routed system events) to it. With `persistingQuota`, the daily quota's count the
    /// operation charged is written in the same transaction, and so are the metric counts not yet stored.
    func write(
        _ rows: [StoreRow], events: [HubEvent], at time: Date, persistingQuota: Bool = false,
        alsoWrite: (WorkspaceWriter, Date) throws -> Void = { _, _ in }
    ) throws(HubError) {
        let scope = self.scope
        let metricCounts = unsavedMetricCounts
        do {
            try workspace.write { writer in
                for row in rows {
                    if let body = row.body {
                        try writer.put(scope: scope, collection: row.collection, key: row.key, body: body)
                    } else {
                        try writer.delete(scope: scope, collection: row.collection, key: row.key)
                    }
                }
                for event in events { try writer.append(event.draft(scope: scope, time: time)) }
                try alsoWrite(writer, time)
                if persistingQuota { try persistQuotaUsage(in: writer, at: time) }
                try Self.storeMetricCounts(metricCounts, scope: scope, in: writer)
            }
        } catch {
            throw .storeFailure(String(describing: error))
        }
        metricCountsSaved(metricCounts)
    }
}
