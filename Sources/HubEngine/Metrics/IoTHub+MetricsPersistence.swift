import Foundation
import JSONValue
import WorkspaceStore

extension IoTHub {
    /// Where a hub's counters are kept, so `iotlab metrics` in a new process shows what one-shot
    /// processes (each `az iot device send-d2c-message`, each C2D send) counted before it.
    static let metricsCollection = "metrics"
    static let metricsKey = "counters"

    /// What this process counted and has not yet stored: each counter's growth since the last write.
    var unsavedMetricCounts: [String: Int] {
        var deltas: [String: Int] = [:]
        for (name, value) in metrics.values {
            let delta = value - (savedMetricCounts[name] ?? 0)
            if delta != 0 { deltas[name] = delta }
        }
        return deltas
    }

    /// Adds `deltas` to the stored counters in `writer`'s transaction. The stored record is read
    /// in the same transaction, so two processes writing at once both keep their counts.
    static func storeMetricCounts(_ deltas: [String: Int], scope: String, in writer: WorkspaceWriter) throws {
        guard !deltas.isEmpty else { return }
        var counters = try storedMetricCounts(scope: scope, in: writer)
        for (name, delta) in deltas { counters[name, default: 0] += delta }
        var body: JSONObject = [:]
        for (name, value) in counters.sorted(by: { $0.key < $1.key }) { body[name] = .integer(value) }
        try writer.put(scope: scope, collection: metricsCollection, key: metricsKey, body: Data(JSONValue.object(body).serialized(.compact).utf8))
    }

    /// Notes that `deltas` are stored: call only once their transaction committed.
    func metricCountsSaved(_ deltas: [String: Int]) {
        for (name, delta) in deltas { savedMetricCounts[name, default: 0] += delta }
    }

    /// Every counter as all processes stored it, plus what this process has not stored yet.
    var persistedMetricCounts: [String: Int] {
        let scope = self.scope
        var counters = (try? workspace.read { reader in try Self.storedMetricCounts(scope: scope, in: reader) }) ?? savedMetricCounts
        for (name, delta) in unsavedMetricCounts { counters[name, default: 0] += delta }
        return counters.filter { $0.value != 0 }
    }

    private static func storedMetricCounts(scope: String, in reader: some WorkspaceReading) throws -> [String: Int] {
        guard let data = try reader.record(scope: scope, collection: metricsCollection, key: metricsKey),
            case .object(let members) = try JSONValue(parsing: data)
        else { return [:] }
        var counters: [String: Int] = [:]
        for (name, value) in members { if let count = value.integerValue { counters[name] = count } }
        return counters
    }
}
