import HubEngine
import JSONValue
import LabCore

/// `iotlab metrics -n HUB`: a hub's metrics under Azure Monitor's names, as text or JSON.
enum HubMetricsReport {
    static func text(hub: String, _ snapshot: HubMetricsSnapshot) -> String {
        let metrics = snapshot.all
        let width = metrics.map(\.name.count).max() ?? 0
        var text = "Metrics of \(hub) at \(AzureTimestamp.string(snapshot.time))\n"
        for (name, value) in metrics {
            text += "  " + name + String(repeating: " ", count: width - name.count) + "  \(value)\n"
        }
        return text
    }

    static func json(hub: String, _ snapshot: HubMetricsSnapshot) -> String {
        let metrics = JSONObject(uniqueKeysWithValues: snapshot.all.map { ($0.name, JSONValue.integer($0.value)) })
        let report: JSONValue = ["hub": .string(hub), "time": .string(AzureTimestamp.string(snapshot.time)), "metrics": .object(metrics)]
        return report.serialized(.pretty) + "\n"
    }
}
