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
        var latencies: [Double] = []
        for _ in 0..<queryRuns {
            latencies.append(try await Stopwatch.time {
                var token: String?
                repeat {
                    let page = try await hub.query(query, pageSize: 1000, continuationToken: token)
                    token = page.continuationToken
                } while token != nil
            })
        }
        latencies.sort()
        results.append(Measurement(name: "query `\(query)` p50 (all pages)", value: latencies.percentile(0.5) * 1000, unit: .milliseconds))
        results.append(Measurement(name: "query p99", value: latencies.percentile(0.99) * 1000, unit: .milliseconds))
        let firstPage = try await Stopwatch.time { _ = try await hub.query(query, pageSize: 100) }
        results.append(Measurement(name: "query first page of 100", value: firstPage * 1000, unit: .milliseconds))

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
