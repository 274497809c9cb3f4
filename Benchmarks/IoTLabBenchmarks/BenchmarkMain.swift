import Foundation

/// `swift run -c release iotlab-bench [devices]`, `iotlab-bench ingest [messages]` or
/// `iotlab-bench provisioning [registrations]`: prints the
/// figures for docs/performance.md.
@main
enum BenchmarkMain {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "reopen", arguments.count == 3, let count = Int(arguments.last ?? "") {
            try await RegistryBenchmark.reopen(file: URL(fileURLWithPath: arguments[arguments.startIndex + 1]), expecting: count)
            return
        }
        if arguments.first == "provisioning" {
            let count = arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
            print("| measurement | result |")
            print("|---|---|")
            for measurement in try await ProvisioningBenchmark(registrations: count).run() { print(measurement.row) }
            return
        }
        if arguments.first == "ingest" {
            let count = arguments.dropFirst().first.flatMap(Int.init) ?? 200_000
            print("| measurement | result |")
            print("|---|---|")
            for measurement in try await IngestBenchmark(messageCount: count, batchSize: 1_000).run() { print(measurement.row) }
            return
        }
        let devices = arguments.first.flatMap(Int.init) ?? 100_000
        let benchmark = RegistryBenchmark(deviceCount: devices, queryRuns: 50, patchCount: 2_000)
        print("| measurement | result |")
        print("|---|---|")
        for measurement in try await benchmark.run() {
            print(measurement.row)
        }
    }
}
