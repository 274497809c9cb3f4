import Foundation
import HubEngine
import JSONValue
import LabCore
import WorkspaceStore

/// The registry and twin figures of docs/performance.md: bulk import, twin query latency, durable
/// twin patches, start-up with a full registry, and resident memory.
struct RegistryBenchmark {
    let deviceCount: Int
    let queryRuns: Int
    let patchCount: Int

    static let settings = HubSettings(name: "bench-hub", skuName: "S3", units: 10)

    func run() async throws -> [Measurement] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("workspace.sqlite")
        let settings = Self.settings
        var results: [Measurement] = []

        let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: SystemClock())
        let entries = (0..<deviceCount).map { index -> ExportImportDevice in
            var entry = ExportImportDevice(id: String(format: "device-%06d", index), importMode: .create)
            entry.tags = ["location": ["building": .string(String(40 + index % 10)), "floor": .integer(index % 7)]]
            return entry
        }
        let importTime = try await Stopwatch.time {
            let report = await hub.importDevices(entries)
            guard report.errors.isEmpty else { throw BenchmarkError.failed("import: \(report.errors.count) errors") }
        }
        results.append(Measurement(name: "import \(deviceCount) devices with tags (one durable transaction)", value: importTime, unit: .seconds))
        results.append(Measurement(name: "import rate", value: Double(deviceCount) / importTime, unit: .perSecond))

        let query = "SELECT * FROM devices WHERE tags.location.building = '43'"
        let allPages = { () async throws -> Void in
            var token: String?
            repeat {
                let page = try await hub.query(query, pageSize: 1000, continuationToken: token)
                token = page.continuationToken
            } while token != nil
        }
        let firstQuery = try await Stopwatch.time(allPages)
        results.append(Measurement(name: "first query `\(query)`, all pages (builds the tags.location.building index)", value: firstQuery * 1000, unit: .milliseconds))
        // Each run follows a twin change, so no run is answered from the previous run's rows.
        var latencies: [Double] = []
        var firstPages: [Double] = []
        for run in 0..<queryRuns {
            _ = try await hub.updateTwin(of: "device-000000", patch: ["properties": ["desired": ["run": .integer(run)]]], ifMatch: nil)
            firstPages.append(try await Stopwatch.time { _ = try await hub.query(query, pageSize: 100) })
            _ = try await hub.updateTwin(of: "device-000001", patch: ["properties": ["desired": ["run": .integer(run)]]], ifMatch: nil)
            latencies.append(try await Stopwatch.time(allPages))
        }
        latencies.sort()
        firstPages.sort()
        results.append(Measurement(name: "same query after a twin change: first page of 100, p50", value: firstPages.percentile(0.5) * 1000, unit: .milliseconds))
        results.append(Measurement(name: "same query after a twin change: first page of 100, p99", value: firstPages.percentile(0.99) * 1000, unit: .milliseconds))
        results.append(Measurement(name: "same query after a twin change: all \(deviceCount / 10) rows in pages of 1000, p50", value: latencies.percentile(0.5) * 1000, unit: .milliseconds))
        results.append(Measurement(name: "same query after a twin change: all pages, p99", value: latencies.percentile(0.99) * 1000, unit: .milliseconds))
        let scanQuery = "SELECT deviceId FROM devices WHERE tags.location.floor > 5"
        var scans: [Double] = []
        for _ in 0..<10 {
            _ = try await hub.updateTwin(of: "device-000000", patch: ["properties": ["desired": ["scan": true]]], ifMatch: nil)
            scans.append(try await Stopwatch.time { _ = try await hub.query(scanQuery, pageSize: 100) })
        }
        scans.sort()
        results.append(Measurement(name: "unindexed query `\(scanQuery)` (full scan), first page, p50", value: scans.percentile(0.5) * 1000, unit: .milliseconds))

        let patchTime = try await Stopwatch.time {
            for index in 0..<patchCount {
                let id = String(format: "device-%06d", index % deviceCount)
                _ = try await hub.updateTwin(of: id, patch: ["properties": ["desired": ["interval": .integer(index)]]], ifMatch: nil)
            }
        }
        results.append(Measurement(name: "durable twin patches (each its own transaction)", value: Double(patchCount) / patchTime, unit: .perSecond))
        results.append(contentsOf: try Self.reopenInFreshProcess(file: file, expecting: deviceCount))
        return results
    }

    /// Restart cost and steady-state memory, measured in a new process so that what the import
    /// allocated on the way does not count: this is what a learner's `iotlab serve` holds.
    static func reopenInFreshProcess(file: URL, expecting deviceCount: Int) throws -> [Measurement] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["reopen", file.path, String(deviceCount)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let figures = text.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, figures.count == 3 else { throw BenchmarkError.failed("reopen: \(text)") }
        return [
            Measurement(name: "restart: open the hub with \(deviceCount) devices", value: figures[0], unit: .seconds),
            Measurement(name: "resident memory of that process (empty process: \(Int(figures[2])) MB)", value: figures[1], unit: .megabytes),
        ]
    }

    /// The child side of `reopenInFreshProcess`: prints "seconds rss-MB baseline-MB".
    static func reopen(file: URL, expecting deviceCount: Int) async throws {
        let baseline = ResidentMemory.current()
        var hub: IoTHub?
        let seconds = try await Stopwatch.time {
            hub = try IoTHub(settings: Self.settings, workspace: Workspace(fileURL: file), clock: SystemClock())
        }
        guard await hub?.deviceCount == deviceCount else { throw BenchmarkError.failed("reopen lost devices") }
        print(seconds, ResidentMemory.current(), baseline)
    }
}
