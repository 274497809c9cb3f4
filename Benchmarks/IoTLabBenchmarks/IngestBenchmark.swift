import Foundation
import HubEngine
import JSONValue
import LabCore
import WorkspaceStore

/// The telemetry figures of docs/performance.md: in-process ingest through 10 routes (conditions
/// on application properties, `$body` and `$twin`) and 2 enrichments into the built-in endpoint
/// and a storage endpoint, in batches (group commit) and one message per transaction, on an
/// in-memory workspace and on a durable file.
struct IngestBenchmark {
    let messageCount: Int
    let batchSize: Int
    let deviceCount = 100

    static let settings = HubSettings(name: "bench-hub", skuName: "S3", units: 10, routing: routing)

    /// 10 routes: 4 on application properties, 3 on `$body`, 3 on `$twin`; the storage endpoint
    /// takes the alerts, `events` everything through an explicit route; 2 enrichments.
    static let routing: RoutingConfiguration = {
        let archive = StorageContainerEndpoint(name: "archive", containerName: "archive")
        let conditions = [
            #"temperatureAlert = "true""#, #"sensorID = "VSLog""#, #"level = "critical""#, "is_defined(batch)",
            "$body.temperature > 35", "$body.humidity < 10", #"$body.status = "fault""#,
            "$twin.tags.floor = 9", #"$twin.tags.building = "43" AND $body.temperature > 30"#,
            "$twin.properties.desired.alerting = true",
        ]
        var routes = conditions.enumerated().map { index, condition in
            MessageRoute(name: "route\(index)", source: .deviceMessages, condition: condition, endpointNames: ["archive"])
        }
        routes[9].endpointNames = ["events"]
        routes[9].condition = "true"
        return RoutingConfiguration(
            endpoints: RoutingEndpoints(storageContainers: [archive]), routes: routes,
            enrichments: [
                MessageEnrichment(key: "hub", value: "$iothubname", endpointNames: ["events", "archive"]),
                MessageEnrichment(key: "building", value: "$twin.tags.building", endpointNames: ["events"]),
            ])
    }()

    func run() async throws -> [Measurement] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-ingest-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var results: [Measurement] = []
        let variants: [(String, () throws -> Workspace, Int)] = [
            ("in-memory workspace, batches of \(batchSize)", { try Workspace.inMemory() }, batchSize),
            ("durable file (synced every commit), batches of \(batchSize)",
                { try Workspace(fileURL: folder.appendingPathComponent("batched.sqlite")) }, batchSize),
            ("durable file (synced every commit), one message per commit",
                { try Workspace(fileURL: folder.appendingPathComponent("single.sqlite")) }, 1),
        ]
        for (name, workspace, batch) in variants {
            let count = batch == 1 ? min(messageCount, 2_000) : messageCount
            let rate = try await measure(workspace: try workspace(), settings: Self.settings, messages: count, batch: batch)
            results.append(Measurement(name: "ingest \(count) messages, 10 routes + 2 enrichments, \(name)", value: rate, unit: .perSecond))
        }
        let plain = HubSettings(name: "bench-hub", skuName: "S3", units: 10)
        let rate = try await measure(workspace: try Workspace.inMemory(), settings: plain, messages: messageCount, batch: batchSize)
        results.append(Measurement(
            name: "ingest \(messageCount) messages, default routing (fallback to events only), in-memory workspace, batches of \(batchSize)",
            value: rate, unit: .perSecond))
        return results
    }

    /// Messages per second acknowledged by a fresh hub on `workspace`.
    private func measure(workspace: Workspace, settings: HubSettings, messages: Int, batch: Int) async throws -> Double {
        let hub = try IoTHub(settings: settings, workspace: workspace, clock: SystemClock())
        for index in 0..<deviceCount {
            let deviceId = String(format: "sensor-%03d", index)
            _ = try await hub.createDevice(DeviceIdentity(deviceId: deviceId))
            _ = try await hub.updateTwin(
                of: deviceId, patch: ["tags": ["building": .string(String(40 + index % 5)), "floor": .integer(index % 10)]], ifMatch: nil)
        }
        let templates = (0..<deviceCount).map { index in
            let body = #"{"temperature":\#(20 + index % 20),"humidity":\#(40 + index % 30),"status":"ok"}"#
            return (
                DeviceMessage(
                    body: Array(body.utf8), applicationProperties: ["temperatureAlert": index % 7 == 0 ? "true" : "false", "sensorID": "VSTel"],
                    contentType: "application/json", contentEncoding: "utf-8"),
                MessageSender(deviceId: String(format: "sensor-%03d", index)))
        }
        var sent = 0
        let elapsed = try await Stopwatch.time {
            while sent < messages {
                let size = min(batch, messages - sent)
                let slice = (0..<size).map { templates[(sent + $0) % templates.count] }
                for result in try await hub.ingest(slice) {
                    _ = try result.get()
                }
                sent += size
            }
        }
        return Double(messages) / elapsed
    }
}
